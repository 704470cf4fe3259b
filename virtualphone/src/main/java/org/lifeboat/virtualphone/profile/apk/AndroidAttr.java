package org.lifeboat.virtualphone.profile.apk;

/** The framework attributes a manifest here uses, with their ids from frameworks/base public.xml. */
public enum AndroidAttr {
    LABEL("label", 0x01010001),
    NAME("name", 0x01010003),
    HAS_CODE("hasCode", 0x0101000c),
    VALUE("value", 0x01010024),
    MIN_SDK_VERSION("minSdkVersion", 0x0101020c),
    VERSION_CODE("versionCode", 0x0101021b),
    VERSION_NAME("versionName", 0x0101021c),
    TARGET_SDK_VERSION("targetSdkVersion", 0x01010270),
    IS_SPLIT_REQUIRED("isSplitRequired", 0x01010591);

    private final String xmlName;
    private final int id;

    AndroidAttr(String xmlName, int id) {
        this.xmlName = xmlName;
        this.id = id;
    }

    public String xmlName() {
        return xmlName;
    }

    public int id() {
        return id;
    }
}
