package org.lifeboat.adb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BannerAndFeaturesTest {
    @Test
    void encodesTheBannerAdbAccepts() {
        DeviceBanner banner = new DeviceBanner(
                "virtphone", "Virtual Phone", "virt", AdbFeatures.of(AdbFeatures.SHELL_V2, AdbFeatures.CMD));

        assertThat(banner.encode())
                .isEqualTo("device::ro.product.name=virtphone;ro.product.model=Virtual Phone;"
                        + "ro.product.device=virt;features=shell_v2,cmd");
    }

    @Test
    void parsesLikeParseBanner() throws Exception {
        DeviceBanner banner = DeviceBanner.parse("device::ro.product.model=Pixel 8;bad=a=b;features=cmd,,stat_v2;");

        assertThat(banner.model()).isEqualTo("Pixel 8");
        assertThat(banner.productName()).isEmpty();
        assertThat(banner.features().names()).containsExactly("cmd", "stat_v2");
    }

    @Test
    void refusesValuesThatWouldBreakTheBanner() {
        assertThatThrownBy(() -> new DeviceBanner("a", "Model:X", "d", AdbFeatures.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ro.product.model 'Model:X'");
    }

    @Test
    void keepsFeatureOrderAndUnknownNames() {
        AdbFeatures features = AdbFeatures.parse("shell_v2, cmd,track_app,cmd");

        assertThat(features.toWire()).isEqualTo("shell_v2,cmd,track_app");
        assertThat(features.intersect(AdbFeatures.ANDROID_10).toWire()).isEqualTo("shell_v2,cmd");
        assertThat(features.without(AdbFeatures.CMD).has(AdbFeatures.CMD)).isFalse();
    }
}
