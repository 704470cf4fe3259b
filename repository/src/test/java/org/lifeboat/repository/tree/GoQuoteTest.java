package org.lifeboat.repository.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GoQuoteTest {
    @Test
    void quotesAsGoStrconvQuote() {
        assertThat(GoQuote.quote(TreeJsonTest.bytes("bad", 0xff, "name"))).isEqualTo("bad\\xffname");
        assertThat(GoQuote.quote(TreeJsonTest.bytes("a\u0007\b\f\n\r\t\u000b\u0001\u007f")))
                .isEqualTo("a\\a\\b\\f\\n\\r\\t\\v\\x01\\x7f");
        assertThat(GoQuote.quote(TreeJsonTest.bytes("ü \u00a0\u0085\u00ad\uD83D\uDE00")))
                .isEqualTo("ü \\u00a0\\u0085\\u00ad\uD83D\uDE00");
        // An encoded surrogate and an overlong slash are invalid UTF-8: byte escapes, as Go does.
        assertThat(GoQuote.quote(TreeJsonTest.bytes(0xed, 0xa0, 0x80, 0xc0, 0xaf)))
                .isEqualTo("\\xed\\xa0\\x80\\xc0\\xaf");
    }

    @Test
    void unquotesEveryGoEscape() {
        assertThat(GoQuote.unquote("\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\x41\\101\\u00fc\\U0001F600\\377"))
                .isEqualTo(TreeJsonTest.bytes(7, 8, 12, 10, 13, 9, 11, "\\\"AAü\uD83D\uDE00", 0xff));
        assertThat(GoQuote.unquote("raw\ttab")).isEqualTo(TreeJsonTest.bytes("raw\ttab"));
    }

    @Test
    void refusesWhatGoRefuses() {
        assertThatThrownBy(() -> GoQuote.unquote("\\'")).hasMessageContaining("unknown escape");
        assertThatThrownBy(() -> GoQuote.unquote("a\"b")).hasMessageContaining("unescaped quote");
        assertThatThrownBy(() -> GoQuote.unquote("a\nb")).hasMessageContaining("unescaped newline");
        assertThatThrownBy(() -> GoQuote.unquote("\\400")).hasMessageContaining("above");
        assertThatThrownBy(() -> GoQuote.unquote("\\ud800")).hasMessageContaining("not a valid rune");
        assertThatThrownBy(() -> GoQuote.unquote("\\x4")).hasMessageContaining("2 hex digits");
    }

    @Test
    void roundTripsArbitraryBytes() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 2000; round++) {
            byte[] name = new byte[random.nextInt(1, 20)];
            random.nextBytes(name);

            assertThat(GoQuote.unquote(GoQuote.quote(name))).isEqualTo(name);
        }
    }
}
