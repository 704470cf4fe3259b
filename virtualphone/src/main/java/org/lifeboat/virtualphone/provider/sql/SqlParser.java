package org.lifeboat.virtualphone.provider.sql;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the SQL fragments a content provider receives: a WHERE expression, one result
 * column, or an ORDER BY list (optionally followed by LIMIT, which SQLiteQueryBuilder passes through). Operator
 * precedence is SQLite's (https://sqlite.org/lang_expr.html#operators).
 */
public final class SqlParser {
    private static final Set<String> RESERVED = Set.of(
            "AND", "OR", "NOT", "IN", "IS", "LIKE", "GLOB", "BETWEEN", "ESCAPE", "COLLATE", "ASC", "DESC", "LIMIT",
            "OFFSET", "AS", "SELECT", "FROM", "WHERE", "ORDER", "BY", "NULL", "ISNULL", "NOTNULL");

    private final String sql;
    private final List<Token> tokens;
    private int position;
    private int nextBind;

    private SqlParser(String sql) {
        this.sql = sql;
        this.tokens = Token.tokenize(sql);
    }

    public static Expression parseExpression(String sql) {
        SqlParser parser = new SqlParser(sql);
        Expression expression = parser.expression();
        parser.expectEnd();
        return expression;
    }

    /** One projection entry: an expression with an optional alias, or {@code *}. */
    public static ResultColumn parseResultColumn(String sql) {
        SqlParser parser = new SqlParser(sql);
        if (parser.peek().isSymbol("*") && parser.tokens.get(1).kind() == Token.Kind.END) {
            return new ResultColumn("*", null, true);
        }
        int start = parser.peek().start();
        Expression expression = parser.expression();
        int end = parser.tokens.get(parser.position - 1).end();
        String name = expression instanceof Expression.ColumnRef ref ? ref.name() : sql.substring(start, end);
        if (parser.peek().isKeyword("AS")) {
            parser.position++;
            name = parser.identifier();
        } else if (parser.peek().kind() == Token.Kind.QUOTED_IDENTIFIER
                || parser.peek().kind() == Token.Kind.STRING
                || (parser.peek().kind() == Token.Kind.WORD && !parser.isReserved(parser.peek()))) {
            name = parser.identifier();
        }
        parser.expectEnd();
        return new ResultColumn(name, expression, false);
    }

    public static OrderBy parseOrderBy(String sql) {
        SqlParser parser = new SqlParser(sql);
        List<OrderBy.Term> terms = new ArrayList<>();
        do {
            Expression expression = parser.expression();
            boolean descending = false;
            if (parser.peek().isKeyword("ASC") || parser.peek().isKeyword("DESC")) {
                descending = parser.next().isKeyword("DESC");
            }
            terms.add(new OrderBy.Term(expression, descending));
        } while (parser.acceptSymbol(","));
        long limit = -1;
        long offset = 0;
        if (parser.peek().isKeyword("LIMIT")) {
            parser.position++;
            limit = parser.integer();
            if (parser.acceptSymbol(",")) {
                offset = limit;
                limit = parser.integer();
            } else if (parser.peek().isKeyword("OFFSET")) {
                parser.position++;
                offset = parser.integer();
            }
        }
        parser.expectEnd();
        return new OrderBy(List.copyOf(terms), limit, offset);
    }

    private Expression expression() {
        Expression left = and();
        while (acceptKeyword("OR")) {
            left = new Expression.Binary("OR", left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = not();
        while (acceptKeyword("AND")) {
            left = new Expression.Binary("AND", left, not());
        }
        return left;
    }

    private Expression not() {
        if (acceptKeyword("NOT")) {
            return new Expression.Unary("NOT", not());
        }
        return equality();
    }

    private Expression equality() {
        Expression left = comparison();
        while (true) {
            Token token = peek();
            if (token.isSymbol("=") || token.isSymbol("==") || token.isSymbol("!=") || token.isSymbol("<>")) {
                position++;
                left = new Expression.Binary(token.text(), left, comparison());
            } else if (acceptKeyword("IS")) {
                boolean negated = acceptKeyword("NOT");
                left = new Expression.Binary(negated ? "IS NOT" : "IS", left, comparison());
            } else if (acceptKeyword("ISNULL")) {
                left = new Expression.Binary("IS", left, new Expression.Literal(null));
            } else if (acceptKeyword("NOTNULL")) {
                left = new Expression.Binary("IS NOT", left, new Expression.Literal(null));
            } else if (token.isKeyword("NOT") && tokens.get(position + 1).isKeyword("NULL")) {
                position += 2;
                left = new Expression.Binary("IS NOT", left, new Expression.Literal(null));
            } else if (token.isKeyword("NOT") || isPredicate(token)) {
                boolean negated = acceptKeyword("NOT");
                left = predicate(left, negated);
            } else {
                return left;
            }
        }
    }

    private static boolean isPredicate(Token token) {
        return token.isKeyword("IN")
                || token.isKeyword("LIKE")
                || token.isKeyword("GLOB")
                || token.isKeyword("BETWEEN");
    }

    private Expression predicate(Expression left, boolean negated) {
        Token keyword = next();
        switch (keyword.upper()) {
            case "IN" -> {
                expectSymbol("(");
                List<Expression> candidates = new ArrayList<>();
                if (!peek().isSymbol(")")) {
                    do {
                        candidates.add(expression());
                    } while (acceptSymbol(","));
                }
                expectSymbol(")");
                return new Expression.In(left, List.copyOf(candidates), negated);
            }
            case "LIKE", "GLOB" -> {
                Expression pattern = comparison();
                Expression escape = acceptKeyword("ESCAPE") ? comparison() : null;
                return new Expression.Like(left, pattern, escape, negated, keyword.isKeyword("GLOB"));
            }
            case "BETWEEN" -> {
                Expression low = comparison();
                expectKeyword("AND");
                return new Expression.Between(left, low, comparison(), negated);
            }
            default -> throw syntaxError(keyword);
        }
    }

    private Expression comparison() {
        Expression left = additive();
        while (peek().isSymbol("<") || peek().isSymbol("<=") || peek().isSymbol(">") || peek().isSymbol(">=")) {
            left = new Expression.Binary(next().text(), left, additive());
        }
        return left;
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            left = new Expression.Binary(next().text(), left, multiplicative());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = concatenation();
        while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
            left = new Expression.Binary(next().text(), left, concatenation());
        }
        return left;
    }

    private Expression concatenation() {
        Expression left = unary();
        while (acceptSymbol("||")) {
            left = new Expression.Binary("||", left, unary());
        }
        return left;
    }

    private Expression unary() {
        if (peek().isSymbol("-") || peek().isSymbol("+")) {
            return new Expression.Unary(next().text(), unary());
        }
        Expression operand = primary();
        while (acceptKeyword("COLLATE")) {
            operand = new Expression.Collate(operand, SqlValues.Collation.named(identifier()));
        }
        return operand;
    }

    private Expression primary() {
        Token token = next();
        return switch (token.kind()) {
            case NUMBER -> new Expression.Literal(number(token.text()));
            case STRING -> new Expression.Literal(token.text());
            case BLOB -> new Expression.Literal(blob(token));
            case PARAMETER ->
                new Expression.Bind(
                        token.text().length() > 1
                                ? Integer.parseInt(token.text().substring(1)) - 1
                                : nextBind++);
            case QUOTED_IDENTIFIER -> new Expression.ColumnRef(token.text());
            case SYMBOL -> {
                if (!token.isSymbol("(")) {
                    throw syntaxError(token);
                }
                Expression inner = expression();
                expectSymbol(")");
                yield inner;
            }
            case WORD -> word(token);
            case END -> throw new SqlException("incomplete input");
        };
    }

    private Expression word(Token token) {
        if (token.isKeyword("NULL")) {
            return new Expression.Literal(null);
        }
        if (isReserved(token)) {
            throw syntaxError(token);
        }
        if (acceptSymbol("(")) {
            boolean star = acceptSymbol("*");
            List<Expression> arguments = new ArrayList<>();
            if (!star && !peek().isSymbol(")")) {
                do {
                    arguments.add(expression());
                } while (acceptSymbol(","));
            }
            expectSymbol(")");
            return new Expression.Function(token.text(), List.copyOf(arguments), star);
        }
        if (acceptSymbol(".")) {
            // table.column: one table per query here, so the qualifier only has to be well formed.
            return new Expression.ColumnRef(identifier());
        }
        return new Expression.ColumnRef(token.text());
    }

    private static Object number(String text) {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return Long.parseUnsignedLong(text.substring(2), 16);
        }
        Object value = SqlValues.applyAffinity(text, Affinity.NUMERIC);
        return text.contains(".") || text.contains("e") || text.contains("E") ? ((Number) value).doubleValue() : value;
    }

    private byte[] blob(Token token) {
        try {
            return HexFormat.of().parseHex(token.text());
        } catch (IllegalArgumentException odd) {
            throw new SqlException("unrecognized token: \"" + sql.substring(token.start(), token.end()) + "\"");
        }
    }

    private String identifier() {
        Token token = next();
        if (token.kind() == Token.Kind.QUOTED_IDENTIFIER
                || token.kind() == Token.Kind.STRING
                || (token.kind() == Token.Kind.WORD && !isReserved(token))) {
            return token.text();
        }
        throw syntaxError(token);
    }

    private long integer() {
        Token token = next();
        if (token.kind() != Token.Kind.NUMBER || !(number(token.text()) instanceof Long value)) {
            throw new SqlException("datatype mismatch");
        }
        return value;
    }

    private boolean isReserved(Token token) {
        return token.kind() == Token.Kind.WORD && RESERVED.contains(token.upper());
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.END) {
            position++;
        }
        return token;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw syntaxError(peek());
        }
    }

    private void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw syntaxError(peek());
        }
    }

    private void expectEnd() {
        if (peek().kind() != Token.Kind.END) {
            throw syntaxError(peek());
        }
    }

    /** SQLite's own wording: {@code near "X": syntax error}, or {@code incomplete input} at the end. */
    private static SqlException syntaxError(Token token) {
        if (token.kind() == Token.Kind.END) {
            return new SqlException("incomplete input");
        }
        return new SqlException("near \"" + token.text() + "\": syntax error");
    }
}
