package org.lifeboat.virtualphone.profile.apk;

/**
 * One attribute of a binary XML element. Attributes in the android namespace carry the framework resource id that
 * aapt2 records in the resource map (ids from frameworks/base core/res/res/values/public.xml).
 */
public sealed interface XmlAttribute {
    String ANDROID_NAMESPACE = "http://schemas.android.com/apk/res/android";

    String name();

    /** The framework attribute id, or 0 for attributes without a namespace (such as {@code package}). */
    int resourceId();

    default boolean inAndroidNamespace() {
        return resourceId() != 0;
    }

    record Text(String name, int resourceId, String value) implements XmlAttribute {}

    record Int(String name, int resourceId, int value) implements XmlAttribute {}

    record Bool(String name, int resourceId, boolean value) implements XmlAttribute {}

    static XmlAttribute plain(String name, String value) {
        return new Text(name, 0, value);
    }

    static XmlAttribute android(AndroidAttr attr, String value) {
        return new Text(attr.xmlName(), attr.id(), value);
    }

    static XmlAttribute android(AndroidAttr attr, int value) {
        return new Int(attr.xmlName(), attr.id(), value);
    }

    static XmlAttribute android(AndroidAttr attr, boolean value) {
        return new Bool(attr.xmlName(), attr.id(), value);
    }
}
