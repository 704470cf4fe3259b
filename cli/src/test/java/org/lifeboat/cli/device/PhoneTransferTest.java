package org.lifeboat.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.cli.CliRunner;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;

/** {@code lifeboat transfer} from the demo phone onto a blank phone of another model, over direct TCP. */
class PhoneTransferTest {
    private static final String PASSWORD = "transfer-test";
    private static final String SMS_IDS = "content query --uri content://sms --projection _id";
    private static final String MMS_IDS = "content query --uri content://mms --projection _id";

    @TempDir
    Path dir;

    @Test
    void movesTheOldPhonesDataOntoTheNewOneChecksItAndFindsNothingLeftTheSecondTime() throws IOException {
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        CliRunner lifeboat =
                new CliRunner(CliRunner.withoutAdbServer(dir.resolve("repository"), passwordFile, unusedPort()));
        assertThat(lifeboat.run("init").exitCode()).isZero();
        try (VirtualPhone old = VirtualPhone.start(
                        VirtualPhoneConfig.of("demo", dir.resolve("old")).withSerial("LBOLD1"));
                VirtualPhone fresh = VirtualPhone.start(VirtualPhoneConfig.of("blank", dir.resolve("new"))
                        .withSerial("LBNEW1")
                        .withModel("Galaxy S24"))) {
            String[] transfer = {
                "transfer", "--from", old.serial(), "--to", fresh.serial(), "--only", "contacts,calendar,messages"
            };

            CliRunner.Result first = lifeboat.run(transfer);

            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
            assertThat(first.out())
                    .contains("1. Backup of the old phone", "2. Restore onto the new phone")
                    .contains("Every item of the snapshot that this phone can take is on it.")
                    .contains("Done: the new phone has everything from the old one that it can take over adb.");
            assertThat(rows(fresh, SMS_IDS)).isEqualTo(rows(old, SMS_IDS)).isPositive();
            assertThat(rows(fresh, MMS_IDS)).isEqualTo(rows(old, MMS_IDS)).isPositive();

            CliRunner.Result second = lifeboat.run(transfer);

            assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
            assertThat(second.out()).contains("Nothing changed: the phone already has everything in this snapshot.");
        }
    }

    private static long rows(VirtualPhone phone, String query) throws IOException {
        return TestPhone.shell(phone, query)
                .lines()
                .filter(line -> line.startsWith("Row:"))
                .count();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
