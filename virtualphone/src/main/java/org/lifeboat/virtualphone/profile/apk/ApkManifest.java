package org.lifeboat.virtualphone.profile.apk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The manifest facts of one APK file: a base APK when {@code split} is empty, otherwise a configuration split
 * (for example {@code config.arm64_v8a}) of the same package and version code.
 */
public record ApkManifest(
        String packageName,
        long versionCode,
        String versionName,
        int minSdk,
        int targetSdk,
        String label,
        Optional<String> split,
        boolean splitRequired) {

    public ApkManifest {
        if (!packageName.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+")) {
            throw new IllegalArgumentException(
                    "package name '" + packageName + "' is not a dotted Java-style name such as com.example.app");
        }
        if (versionCode <= 0 || versionCode > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("versionCode must be 1.." + Integer.MAX_VALUE + ", got " + versionCode);
        }
    }

    public static ApkManifest base(
            String packageName, long versionCode, String versionName, int minSdk, int targetSdk, String label) {
        return new ApkManifest(
                packageName, versionCode, versionName, minSdk, targetSdk, label, Optional.empty(), false);
    }

    /** This base manifest, marked as unusable without its splits ({@code android:isSplitRequired}). */
    public ApkManifest requiringSplits() {
        return new ApkManifest(packageName, versionCode, versionName, minSdk, targetSdk, label, split, true);
    }

    /** The manifest of configuration split {@code splitName} belonging to this base. */
    public ApkManifest configSplit(String splitName) {
        return new ApkManifest(
                packageName, versionCode, versionName, minSdk, targetSdk, label, Optional.of(splitName), false);
    }

    /** The manifest element tree, shaped like what aapt2/bundletool produce for such an APK. */
    public XmlElement toXml() {
        List<XmlAttribute> manifest = new ArrayList<>();
        manifest.add(XmlAttribute.android(AndroidAttr.VERSION_CODE, (int) versionCode));
        manifest.add(XmlAttribute.plain("package", packageName));
        split.ifPresentOrElse(
                name -> manifest.add(XmlAttribute.plain("split", name)),
                () -> manifest.add(XmlAttribute.android(AndroidAttr.VERSION_NAME, versionName)));
        List<XmlAttribute> application = new ArrayList<>();
        application.add(XmlAttribute.android(AndroidAttr.HAS_CODE, false));
        if (split.isEmpty()) {
            application.add(XmlAttribute.android(AndroidAttr.LABEL, label));
        }
        if (splitRequired) {
            application.add(XmlAttribute.android(AndroidAttr.IS_SPLIT_REQUIRED, true));
        }
        List<XmlElement> children = new ArrayList<>();
        if (split.isEmpty()) {
            children.add(XmlElement.of(
                    "uses-sdk",
                    List.of(
                            XmlAttribute.android(AndroidAttr.MIN_SDK_VERSION, minSdk),
                            XmlAttribute.android(AndroidAttr.TARGET_SDK_VERSION, targetSdk))));
        }
        children.add(XmlElement.of("application", application));
        return new XmlElement("manifest", manifest, children);
    }
}
