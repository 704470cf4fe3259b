package org.lifeboat.adb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevicePathTest {
    @Test
    void keepsBytesThatAreNotUtf8AndShowsThemEscaped() {
        DevicePath path = DevicePath.ofBytes(new byte[] {'/', 'a', (byte) 0xff, 'b'});

        assertThat(path.toBytes()).containsExactly('/', 'a', 0xff, 'b');
        assertThat(path.isUtf8()).isFalse();
        assertThat(path).hasToString("/a\\xffb");
    }

    @Test
    void resolvesNamesWithExactlyOneSlash() {
        assertThat(DevicePath.of("/sdcard").resolve("DCIM")).isEqualTo(DevicePath.of("/sdcard/DCIM"));
        assertThat(DevicePath.of("/sdcard/").resolve("DCIM")).isEqualTo(DevicePath.of("/sdcard/DCIM"));
        assertThat(DevicePath.of("/sdcard/DCIM/a.jpg").fileName()).isEqualTo(DevicePath.of("a.jpg"));
    }

    @Test
    void refusesNulEmptinessAndSlashesInNames() {
        assertThatThrownBy(() -> DevicePath.of("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> DevicePath.of("/a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> DevicePath.of("/a").resolve("b/c")).hasMessageContaining("single file name");
    }
}
