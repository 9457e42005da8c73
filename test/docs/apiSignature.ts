import ts from 'typescript';

/** Longest type text shown for one value or member; longer ones end in `…`. */
const MAX_TYPE_LENGTH = 240;

const FORMAT: ts.TypeFormatFlags =
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

/** The type of a member as shown: too long to show in full, it is shown as written. */
const memberTypeText = (
  checker: ts.TypeChecker,
  memberType: ts.Type,
  declaration: ts.Declaration | undefined,
  at: ts.Node,
): string => {
  const full = typeText(checker, memberType, at);
  if (!full.endsWith('…') || declaration === undefined || !ts.isPropertySignature(declaration))
    return full;
  return declaration.type?.getText().replaceAll(/\s+/g, ' ') ?? full;
};

const WELL_KNOWN_SYMBOLS = new Set(['asyncIterator', 'iterator', 'toStringTag', 'dispose']);

/**
 * A member's name as code writes it: a symbol-keyed member (`__@toStringTag@6370` to the checker,
 * its number differing between runs) as `[Symbol.toStringTag]` or `[PERSONAL]`.
 */
const memberName = (member: ts.Symbol): string => {
  const symbolKey = /^__@([^@]+)@\d+$/.exec(member.name)?.[1];
  if (symbolKey === undefined) return member.name;
  return WELL_KNOWN_SYMBOLS.has(symbolKey) ? `[Symbol.${symbolKey}]` : `[${symbolKey}]`;
};

/** One member of an object type as lines: a property, or a method's signatures. */
const memberLines = (checker: ts.TypeChecker, member: ts.Symbol, at: ts.Node): string[] => {
  const declaration = member.valueDeclaration ?? member.declarations?.[0];
  const memberType = checker.getTypeOfSymbolAtLocation(member, declaration ?? at);
  const calls = memberType.getCallSignatures();
  if (member.flags & ts.SymbolFlags.Method && calls.length > 0)
    return calls.map((call) => callText(checker, memberName(member), call));
  const modifiers = declaration === undefined ? 0 : ts.getCombinedModifierFlags(declaration);
  const readonly = modifiers & ts.ModifierFlags.Readonly ? 'readonly ' : '';
  const optional = member.flags & ts.SymbolFlags.Optional ? '?' : '';
  const shown = memberTypeText(checker, memberType, declaration, at);
  return [`${readonly}${memberName(member)}${optional}: ${shown}`];
};

/** The members of an object type, one a line, each with its TSDoc summary as a comment. */
const membersText = (checker: ts.TypeChecker, type: ts.Type, at: ts.Node): string[] =>
  checker.getPropertiesOfType(type).map((member) => {
    const summary = firstParagraph(checker, member);
    const comment = summary === '' ? '' : ` // ${clip(summary)}`;
    return memberLines(checker, member, at)
      .map((line) => `  ${line};${comment}`)
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

const oneLine = (text: string): string => text.replaceAll(/\s+/g, ' ');

/** A namespace re-export: its functions and constants, indented. */
const namespaceText = (checker: ts.TypeChecker, name: string, symbol: ts.Symbol): string => {
  const members = checker
    .getExportsOfModule(symbol)
    .map((member) => declarationText(checker, member.name, member).replaceAll(/^/gm, '  '));
  return `namespace ${name} {\n${members.join('\n')}\n}`;
};

/** A class: its constructors' parameters. */
const classText = (checker: ts.TypeChecker, name: string, symbol: ts.Symbol, at: ts.Node) =>
  checker
    .getTypeOfSymbolAtLocation(symbol, at)
    .getConstructSignatures()
    .map((s) => `class ${name} { constructor${signatureParts(checker, s).parameters} }`)
    .join('\n');

/** A type alias: its members when it is an object type, else what it stands for. */
const aliasText = (
  checker: ts.TypeChecker,
  name: string,
  declaration: ts.TypeAliasDeclaration,
): string => {
  const type = checker.getTypeAtLocation(declaration.name);
  const generics = typeParametersText(declaration);
  const members = objectLike(type) ? membersText(checker, type, declaration) : [];
  if (members.length > 0) return `type ${name}${generics} = {\n${members.join('\n')}\n}`;
  const written = oneLine(declaration.type.getText());
  // `t.TypeOf<typeof X>` says nothing to a reader: show the type it stands for.
  const shown = written.includes('TypeOf<') ? typeText(checker, type, declaration) : clip(written);
  return `type ${name}${generics} = ${shown}`;
};

/** An interface: what it extends, and every member, inherited ones included. */
const interfaceText = (
  checker: ts.TypeChecker,
  name: string,
  declaration: ts.InterfaceDeclaration,
): string => {
  const type = checker.getTypeAtLocation(declaration.name);
  const heritage = (declaration.heritageClauses ?? []).map((c) => ` ${oneLine(c.getText())}`);
  const members = membersText(checker, type, declaration);
  const body = members.length === 0 ? ' {}' : ` {\n${members.join('\n')}\n}`;
  return `interface ${name}${typeParametersText(declaration)}${heritage.join('')}${body}`;
};

const typeParametersText = (declaration: ts.InterfaceDeclaration | ts.TypeAliasDeclaration) =>
  declaration.typeParameters === undefined
    ? ''
    : `<${declaration.typeParameters.map((p) => p.getText()).join(', ')}>`;

/** A value: a codec's decoded type, a function's signatures, or a constant's type. */
const valueText = (checker: ts.TypeChecker, name: string, symbol: ts.Symbol, at: ts.Node) => {
  const type = checker.getTypeOfSymbolAtLocation(symbol, at);
  const decoded = decodedTypeOf(checker, type, at);
  if (decoded !== undefined)
    return `const ${name}: io-ts codec of ${typeText(checker, decoded, at)}`;
  const calls = type.getCallSignatures();
  if (calls.length > 0)
    return calls.map((call) => `function ${callText(checker, name, call)}`).join('\n');
  return `const ${name}: ${typeText(checker, type, at)}`;
};

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
  if (symbol.flags & ts.SymbolFlags.ValueModule) return namespaceText(checker, name, symbol);
  if (symbol.flags & ts.SymbolFlags.Class) return classText(checker, name, symbol, declaration);
  const typeDeclaration = symbol.declarations?.find(
    (d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d),
  );
  if (typeDeclaration !== undefined && ts.isInterfaceDeclaration(typeDeclaration))
    return interfaceText(checker, name, typeDeclaration);
  if (typeDeclaration !== undefined && ts.isTypeAliasDeclaration(typeDeclaration))
    return aliasText(checker, name, typeDeclaration);
  return valueText(checker, name, symbol, declaration);
};
