package org.lifeboat.virtualphone.provider.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.virtualphone.device.DeviceConfig;
import org.lifeboat.virtualphone.device.Intent;
import org.lifeboat.virtualphone.device.VirtualDevice;

/** The commands as the phone's shell runs them, with the seed files in the state folder as the installer leaves them. */
class PhoneIntegrationTest {
    @TempDir
    Path state;

    private VirtualDevice device(int api) throws Exception {
        TrickyProfile.write(state);
        Path photo = state.resolve("fs/storage/emulated/0/DCIM/Camera/IMG_1.jpg");
        Files.createDirectories(photo.getParent());
        Files.write(photo, new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
        VirtualDevice device = VirtualDevice.open(DeviceConfig.forState(state)
                .withApiLevel(api)
                .withClock(InstantSource.fixed(Instant.parse("2024-03-01T12:00:00Z"))));
        ProviderCommands.install(device);
        return device;
    }

    private static String run(VirtualDevice device, String commandLine) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        device.shell().execute(commandLine, new ByteArrayInputStream(new byte[0]), out, err);
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shellQuotingReachesContentUnchanged() throws Exception {
        VirtualDevice device = device(34);

        assertThat(run(device, "content query --uri content://sms --projection '_id:body' --where \"_id=1\""))
                .isEqualTo("Row: 0 _id=1, body=Hello, world\n");
        assertThat(run(device, "cmd wifi list-networks")).startsWith("Network Id      SSID");
        assertThat(run(device, "settings get global device_name")).isEqualTo("Pixel = mine\n");
    }

    @Test
    void scanFileCallAndBroadcastFillMediaStore() throws Exception {
        VirtualDevice device = device(34);

        String call = run(
                device,
                "content call --uri content://media --method scan_file" + " --arg /sdcard/DCIM/Camera/IMG_1.jpg");
        String rows = run(
                device,
                "content query --uri content://media/external/images/media"
                        + " --projection _id:_data:_size:mime_type:relative_path");

        assertThat(call)
                .isEqualTo("Result: Bundle[{android.intent.extra.STREAM=content://media/external_primary/file/1}]\n");
        assertThat(rows)
                .isEqualTo("Row: 0 _id=1, _data=/storage/emulated/0/DCIM/Camera/IMG_1.jpg, _size=4,"
                        + " mime_type=image/jpeg, relative_path=DCIM/Camera/\n");

        Files.delete(state.resolve("fs/storage/emulated/0/DCIM/Camera/IMG_1.jpg"));
        device.sendBroadcast(new Intent(
                Optional.of(ProviderCommands.MEDIA_SCANNER_SCAN_FILE),
                Optional.of("file:///storage/emulated/0/DCIM/Camera/IMG_1.jpg"),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                0));
        assertThat(run(device, "content query --uri content://media/external/file"))
                .isEqualTo("No result found.\n");
    }

    @Test
    void scanVolumeDropsTheRowsOfVanishedFilesAndKeepsTheIdsOfTheOthers() throws Exception {
        VirtualDevice device = device(34);
        Path camera = state.resolve("fs/storage/emulated/0/DCIM/Camera");
        Files.write(camera.resolve("IMG_2.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8});
        String scanVolume = "content call --uri content://media --method scan_volume --arg external_primary";
        String query = "content query --uri content://media/external/file --projection _id:_data --sort _id";
        run(device, scanVolume);
        assertThat(run(device, query))
                .isEqualTo("Row: 0 _id=1, _data=/storage/emulated/0/DCIM/Camera/IMG_1.jpg\n"
                        + "Row: 1 _id=2, _data=/storage/emulated/0/DCIM/Camera/IMG_2.jpg\n");

        Files.delete(camera.resolve("IMG_1.jpg"));
        Files.write(camera.resolve("IMG_3.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8});
        String result = run(device, scanVolume);

        assertThat(result).isEqualTo("Result: Bundle[{}]\n");
        assertThat(run(device, query))
                .isEqualTo("Row: 0 _id=2, _data=/storage/emulated/0/DCIM/Camera/IMG_2.jpg\n"
                        + "Row: 1 _id=3, _data=/storage/emulated/0/DCIM/Camera/IMG_3.jpg\n");
        assertThat(Files.readString(state.resolve("databases/media.json")))
                .as("the saved state")
                .contains("IMG_2.jpg", "IMG_3.jpg")
                .doesNotContain("IMG_1.jpg");
    }
}
