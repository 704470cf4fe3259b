package org.lifeboat.adb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DeviceInfoTest {
    @Test
    void parsesTheLongListingOfAdb29() throws Exception {
        List<DeviceInfo> devices = DeviceInfo.parseList(
                "127.0.0.1:5599         device product:virtphone model:Virtual_Phone device:virt transport_id:1\n"
                        + "0123456789ABCDEF       unauthorized usb:1-1 transport_id:2\n");

        assertThat(devices)
                .containsExactly(
                        new DeviceInfo(
                                "127.0.0.1:5599",
                                DeviceState.DEVICE,
                                Optional.of("virtphone"),
                                Optional.of("Virtual_Phone"),
                                Optional.of("virt"),
                                OptionalLong.of(1)),
                        new DeviceInfo(
                                "0123456789ABCDEF",
                                DeviceState.UNAUTHORIZED,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                OptionalLong.of(2)));
    }

    @Test
    void parsesTheShortListingAndMultiWordStates() throws Exception {
        List<DeviceInfo> devices = DeviceInfo.parseList("emulator-5554\toffline\n"
                + "ABC no permissions (user in plugdev group; are your udev rules wrong?); see [http://x] usb:1-2\n");

        assertThat(devices).extracting(DeviceInfo::serial).containsExactly("emulator-5554", "ABC");
        assertThat(devices)
                .extracting(DeviceInfo::state)
                .containsExactly(DeviceState.OFFLINE, DeviceState.NO_PERMISSIONS);
        assertThat(DeviceState.NO_PERMISSIONS.fix()).get().asString().contains("udev");
        assertThat(DeviceState.UNAUTHORIZED.fix()).get().asString().contains("accept");
    }

    @Test
    void anEmptyListingHasNoDevicesAndAGarbledLineIsRefused() throws Exception {
        assertThat(DeviceInfo.parseList("")).isEmpty();
        assertThatThrownBy(() -> DeviceInfo.parseList("lonely\n")).isInstanceOf(AdbProtocolException.class);
    }
}
