import ts from 'typescript';

/** Longest type text shown for one value or member; longer ones end in `…`. */
const MAX_TYPE_LENGTH = 240;

const FORMAT =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope |
  ts.TypeFormatFlags.WriteArrowStyleSignature;

const clip = (text: string): string =>
  text.length <= MAX_TYPE_LENGTH ? text : `${text.slice(0, MAX_TYPE_LENGTH - 1)}…`;

/** Type text on one line, without the `import("…").` qualifiers the checker adds. */
const typeText = (checker: ts.TypeChecker, type: ts.Type, at: ts.Node | undefined): string =>
  clip(
    checker
      .typeToString(type, at, FORMAT)
      .replaceAll(/import\("[^"]*"\)\./g, '')
      .replaceAll(/\s+/g, ' '),
  );

const firstParagraph = (checker: ts.TypeChecker, symbol: ts.Symbol): string =>
  ts
    .displayPartsToString(symbol.getDocumentationComment(checker))
    .split(/\n\s*\n/)[0]
    ?.replaceAll(/\s+/g, ' ')
    .trim() ?? '';

/** One call signature: `<T>(store: EventStore, options: XOptions)` and its result type. */
const signatureParts = (
  checker: ts.TypeChecker,
  signature: ts.Signature,
): { readonly parameters: string; readonly returns: string } => {
  const parameters = signature.getParameters().map((parameter) => {
    const declaration = parameter.valueDeclaration;
    const asParameter =
      declaration !== undefined && ts.isParameter(declaration) ? declaration : undefined;
    const optional =
      asParameter?.questionToken !== undefined || asParameter?.initializer !== undefined;
    const rest = asParameter?.dotDotDotToken === undefined ? '' : '...';
    const at = declaration ?? parameter.declarations?.[0];
    const type =
      at === undefined ? checker.getAnyType() : checker.getTypeOfSymbolAtLocation(parameter, at);
    return `${rest}${parameter.name}${optional ? '?' : ''}: ${typeText(checker, type, declaration)}`;
  });
  const typeParameters = signature.getTypeParameters() ?? [];
  const generics =
    typeParameters.length === 0
      ? ''
      : `<${typeParameters.map((p) => checker.typeToString(p)).join(', ')}>`;
  return {
    parameters: `${generics}(${parameters.join(', ')})`,
    returns: typeText(checker, signature.getReturnType(), signature.getDeclaration()),
  };
};

/** A call signature as a method or function: `name(parameters): result`. */
const callText = (checker: ts.TypeChecker, name: string, signature: ts.Signature): string => {
  const { parameters, returns } = signatureParts(checker, signature);
  return `${name}${parameters}: ${returns}`;
};

/** The members of an object type, one a line, each with its TSDoc summary as a comment. */
const membersText = (checker: ts.TypeChecker, type: ts.Type, at: ts.Node): string[] =>
  checker.getPropertiesOfType(type).map((member) => {
    const declaration = member.valueDeclaration ?? member.declarations?.[0];
    const readonly =
      declaration !== undefined &&
      ts.getCombinedModifierFlags(declaration as ts.Declaration) & ts.ModifierFlags.Readonly
        ? 'readonly '
        : '';
    const optional = member.flags & ts.SymbolFlags.Optional ? '?' : '';
    const memberType = checker.getTypeOfSymbolAtLocation(member, declaration ?? at);
    // A type too long to show is shown as written, where the member is declared.
    const full = typeText(checker, memberType, at);
    const written =
      declaration !== undefined && ts.isPropertySignature(declaration) && declaration.type
        ? declaration.type.getText().replaceAll(/\s+/g, ' ')
        : undefined;
    const shown = full.endsWith('…') && written !== undefined ? written : full;
    const calls = memberType.getCallSignatures();
    const text =
      member.flags & ts.SymbolFlags.Method && calls.length > 0
        ? calls.map((call) => callText(checker, member.name, call))
        : [`${readonly}${member.name}${optional}: ${shown}`];
    const summary = firstParagraph(checker, member);
    return text
      .map((line) => `  ${line};${summary === '' ? '' : ` // ${clip(summary)}`}`)
      .join('\n');
  });

/** Whether a value is an io-ts codec: it decodes, and its type carries the decoded type `_A`. */
const decodedTypeOf = (
  checker: ts.TypeChecker,
  type: ts.Type,
  at: ts.Node,
): ts.Type | undefined => {
  const decoded = type.getProperty('_A');
  return decoded === undefined || type.getProperty('decode') === undefined
    ? undefined
    : checker.getTypeOfSymbolAtLocation(decoded, at);
};

const objectLike = (type: ts.Type): boolean =>
  (type.flags & ts.TypeFlags.Object) !== 0 && type.getCallSignatures().length === 0;

/**
 * The signature of an exported name as a reader wants it: a function's parameters and result,
 * an interface's or object type's members (so an options type shows every option), a codec's
 * decoded type, a type alias's definition, a constant's type.
 */
export const declarationText = (
  checker: ts.TypeChecker,
  name: string,
  symbol: ts.Symbol,
): string => {
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (declaration === undefined) return '';
  const { flags } = symbol;
  if (flags & ts.SymbolFlags.ValueModule) {
    const members = checker
      .getExportsOfModule(symbol)
      .map((member) => declarationText(checker, member.name, member).replaceAll(/^/gm, '  '));
    return `namespace ${name} {\n${members.join('\n')}\n}`;
  }
  if (flags & ts.SymbolFlags.Class) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    return type
      .getConstructSignatures()
      .map((s) => `class ${name} { constructor${signatureParts(checker, s).parameters} }`)
      .join('\n');
  }
  if (flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const typeDeclaration = symbol.declarations?.find(
      (d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d),
    );
    const generics =
      typeDeclaration?.typeParameters === undefined
        ? ''
        : `<${typeDeclaration.typeParameters.map((p) => p.getText()).join(', ')}>`;
    const isAlias = typeDeclaration !== undefined && ts.isTypeAliasDeclaration(typeDeclaration);
    const members = objectLike(type) ? membersText(checker, type, declaration) : [];
    const written = isAlias ? typeDeclaration.type.getText().replaceAll(/\s+/g, ' ') : '';
    // `t.TypeOf<typeof X>` says nothing to a reader: show the type it stands for.
    const shown = written.includes('TypeOf<')
      ? typeText(checker, type, declaration)
      : clip(written);
    const definition = isAlias && members.length === 0 ? ` = ${shown}` : '';
    const heritage =
      typeDeclaration !== undefined && ts.isInterfaceDeclaration(typeDeclaration)
        ? (typeDeclaration.heritageClauses ?? []).map((clause) => ` ${clause.getText()}`).join('')
        : '';
    const keyword = isAlias ? 'type' : 'interface';
    const body = members.length === 0 ? '' : `${isAlias ? ' = ' : ' '}{\n${members.join('\n')}\n}`;
    return `${keyword} ${name}${generics}${heritage.replaceAll(/\s+/g, ' ')}${definition}${body}`;
  }
  const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
  const decoded = decodedTypeOf(checker, type, declaration);
  if (decoded !== undefined)
    return `const ${name}: io-ts codec of ${typeText(checker, decoded, declaration)}`;
  const calls = type.getCallSignatures();
  if (calls.length > 0)
    return calls.map((call) => `function ${callText(checker, name, call)}`).join('\n');
  return `const ${name}: ${typeText(checker, type, declaration)}`;
};
