package org.lifeboat.repository.chunker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolynomialTest {
    @ParameterizedTest
    @ValueSource(longs = {0x3DA3358B4DC173L, 0x2482734cacca49L, 0x3717a2c48cb4e5L})
    void knownIrreduciblePolynomials(long bits) {
        assertThat(new Polynomial(bits).isIrreducible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {0x38f1e565e288dfL, 0x30a8295b9d5c91L, 0x255f4350b962cbL, 0x0L, 0x1L, 0x6L})
    void knownReduciblePolynomials(long bits) {
        assertThat(new Polynomial(bits).isIrreducible()).isFalse();
    }

    @Test
    void arithmeticMatchesResticsVectors() {
        assertThat(Polynomials.mulMod(0x1230, 0x230, 0x55)).isEqualTo(0x22);
        assertThat(Polynomials.mulMod(0x0eae8c07dbbb3026L, 0xd5d6db9de04771deL, 0xdd2bda3b77c9L))
                .isEqualTo(0x425ae8595b7aL);
        assertThat(Polynomials.gcd(0x230d2259defdL, 0x51b492b3eff2L)).isEqualTo(0b10011);
    }

    @Test
    void randomPolynomialsAreIrreducibleOfDegree53AndComeFromTheInjectedGenerator() {
        Polynomial first = Polynomial.randomIrreducible(new SplittableRandom(5));
        Polynomial again = Polynomial.randomIrreducible(new SplittableRandom(5));

        assertThat(first).isEqualTo(again);
        assertThat(first.degree()).isEqualTo(53);
        assertThat(first.isIrreducible()).isTrue();
        assertThat(first.bits() & 1).isEqualTo(1);
    }

    @Test
    void hexFormIsResticsConfigForm() {
        assertThat(Polynomial.parseHex("3717a2c48cb4e5").bits()).isEqualTo(0x3717a2c48cb4e5L);
        assertThat(new Polynomial(0x3DA3358B4DC173L).toHex()).isEqualTo("3da3358b4dc173");
        assertThatThrownBy(() -> Polynomial.parseHex("0x12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0x12'");
    }
}
