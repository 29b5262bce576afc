import ts from 'typescript';

// Finds user-facing English written straight into JSX: text nodes, string attributes people read (title,
// aria-label, placeholder, alt, label) and string literals rendered as children. Words that are the same in every
// language (the product's name, channel and file-format names) do not count.
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
const SAME_IN_EVERY_LANGUAGE = new Set([
  'heed',
  'sms',
  'inmail',
  'csv',
  'json',
  'xlsx',
  'md5',
  'sha',
  'gdpr',
  'dsgvo',
  'rgpd',
  'pecr',
  'uwg',
  'tps',
  'ctps',
  'dnc',
  'tcpa',
  'casl',
  'ccpa',
  'optizmo',
  'linkedin',
  'github',
  'gmail',
  'outlook',
  'url',
  'iso',
  'utc',
  'art',
]);

export interface HardCoded {
  line: number;
  text: string;
}

function counts(text: string): boolean {
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  return words.some((w) => !SAME_IN_EVERY_LANGUAGE.has(w.toLowerCase()));
}

/** The string literals an expression in a JSX child position can render: itself, or a branch of ?:, &&, ||, ??. */
function shownLiterals(e: ts.Expression): (ts.StringLiteral | ts.NoSubstitutionTemplateLiteral)[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
  if (ts.isParenthesizedExpression(e)) return shownLiterals(e.expression);
  if (ts.isConditionalExpression(e)) return [...shownLiterals(e.whenTrue), ...shownLiterals(e.whenFalse)];
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(e.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
      return [...shownLiterals(e.left), ...shownLiterals(e.right)];
  }
  return [];
}

export function hardCodedText(fileName: string, source: string): HardCoded[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardCoded[] = [];
  const add = (node: ts.Node, text: string) =>
    found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim() });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && counts(node.text)) add(node, node.text);
    else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression)
          ? init.expression
          : undefined;
      if (literal && READ_ATTRIBUTES.has(name) && counts(literal.text)) add(node, literal.text);
    } else if (
      ts.isJsxExpression(node) &&
      node.parent &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) &&
      node.expression
    )
      for (const literal of shownLiterals(node.expression))
        if (counts(literal.text)) add(literal, literal.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
