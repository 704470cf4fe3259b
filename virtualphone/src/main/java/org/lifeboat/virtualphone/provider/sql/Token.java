package org.lifeboat.virtualphone.provider.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One lexical token of SQLite's grammar, with its position so result columns can be named by their source text. */
record Token(Kind kind, String text, int start, int end) {
    enum Kind {
        WORD,
        QUOTED_IDENTIFIER,
        STRING,
        NUMBER,
        BLOB,
        PARAMETER,
        SYMBOL,
        END
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.toUpperCase(Locale.ROOT).equals(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    private static final List<String> SYMBOLS =
            List.of("||", "<=", ">=", "==", "!=", "<>", "<", ">", "=", "+", "-", "*", "/", "%", "(", ")", ",", ".");

    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                i = quoted(sql, i, '\'', Kind.STRING, tokens);
            } else if (c == '"' || c == '`') {
                i = quoted(sql, i, c, Kind.QUOTED_IDENTIFIER, tokens);
            } else if (c == '[') {
                int close = sql.indexOf(']', i);
                if (close < 0) {
                    throw new SqlException("unrecognized token: \"" + sql.substring(i) + "\"");
                }
                tokens.add(new Token(Kind.QUOTED_IDENTIFIER, sql.substring(i + 1, close), i, close + 1));
                i = close + 1;
            } else if ((c == 'x' || c == 'X') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                int end = quoted(sql, i + 1, '\'', Kind.BLOB, tokens);
                Token blob = tokens.removeLast();
                tokens.add(new Token(Kind.BLOB, blob.text(), i, end));
                i = end;
            } else if (Character.isDigit(c)
                    || (c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))) {
                int end = number(sql, i);
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c > 127) {
                int end = i;
                while (end < sql.length() && isWordChar(sql.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '?') {
                int end = i + 1;
                while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.PARAMETER, sql.substring(i, end), i, end));
                i = end;
            } else {
                i = symbol(sql, i, tokens);
            }
        }
        tokens.add(new Token(Kind.END, "", sql.length(), sql.length()));
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static int quoted(String sql, int start, char quote, Kind kind, List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    text.append(quote);
                    i += 2;
                    continue;
                }
                tokens.add(new Token(kind, text.toString(), start, i + 1));
                return i + 1;
            }
            text.append(c);
            i++;
        }
        throw new SqlException("unrecognized token: \"" + sql.substring(start) + "\"");
    }

    private static int number(String sql, int start) {
        int i = start;
        if (sql.startsWith("0x", i) || sql.startsWith("0X", i)) {
            i += 2;
            while (i < sql.length() && Character.digit(sql.charAt(i), 16) >= 0) {
                i++;
            }
            return i;
        }
        while (i < sql.length() && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
            i++;
        }
        if (i < sql.length() && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < sql.length() && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < sql.length() && Character.isDigit(sql.charAt(exponent))) {
                i = exponent;
                while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    private static int symbol(String sql, int start, List<Token> tokens) {
        for (String symbol : SYMBOLS) {
            if (sql.startsWith(symbol, start)) {
                tokens.add(new Token(Kind.SYMBOL, symbol, start, start + symbol.length()));
                return start + symbol.length();
            }
        }
        throw new SqlException("unrecognized token: \"" + sql.charAt(start) + "\"");
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
