package org.lifeboat.virtualphone.profile.apk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ApkWriterTest {
    private static final ApkManifest BASE =
            ApkManifest.base("org.example.notes", 4711, "1.2.3", 21, 34, "Notes, \"plus\"");

    @Test
    void baseManifestRoundTripsThroughBinaryXml() {
        AxmlReader.Element manifest =
                AxmlReader.parse(AxmlWriter.write(BASE.requiringSplits().toXml()));

        assertThat(manifest.name()).isEqualTo("manifest");
        assertThat(manifest.attributes())
                .containsEntry("package", "org.example.notes")
                .containsEntry("versionCode", "4711")
                .containsEntry("versionName", "1.2.3")
                .doesNotContainKey("split");
        assertThat(manifest.attributeIds()).containsEntry("versionCode", AndroidAttr.VERSION_CODE.id());
        AxmlReader.Element usesSdk = manifest.children().get(0);
        assertThat(usesSdk.attributes()).containsEntry("minSdkVersion", "21").containsEntry("targetSdkVersion", "34");
        AxmlReader.Element application = manifest.children().get(1);
        assertThat(application.attributes())
                .containsEntry("hasCode", "false")
                .containsEntry("label", "Notes, \"plus\"")
                .containsEntry("isSplitRequired", "true");
    }

    @Test
    void attributesAreOrderedLikeAapt2() {
        AxmlReader.Element manifest = AxmlReader.parse(
                AxmlWriter.write(BASE.configSplit("config.xxhdpi").toXml()));

        assertThat(manifest.attributes().keySet()).containsExactly("versionCode", "package", "split");
        assertThat(manifest.attributes()).containsEntry("split", "config.xxhdpi");
    }

    @Test
    void apkIsAZipWithTheManifestFirstAndFixedTimes() throws IOException {
        byte[] apk = ApkWriter.write(BASE, Map.of("assets/b.bin", new byte[] {1, 2}, "assets/a.bin", new byte[] {3}));

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(apk))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
                assertThat(entry.getTimeLocal().getYear()).isEqualTo(2008);
                if (entry.getName().equals(ApkWriter.MANIFEST_ENTRY)) {
                    assertThat(AxmlReader.parse(zip.readAllBytes()).attributes())
                            .containsEntry("package", "org.example.notes");
                }
            }
        }
        assertThat(names).containsExactly("AndroidManifest.xml", "assets/a.bin", "assets/b.bin");
        assertThat(ApkWriter.write(BASE, Map.of("assets/a.bin", new byte[] {3})))
                .isEqualTo(ApkWriter.write(BASE, Map.of("assets/a.bin", new byte[] {3})));
    }

    @Test
    void rejectsNamesAndVersionsAndroidWouldRefuse() {
        assertThatThrownBy(() -> ApkManifest.base("notes", 1, "1", 21, 34, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dotted");
        assertThatThrownBy(() -> ApkManifest.base("org.example.notes", 0, "1", 21, 34, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("versionCode");
    }
}
