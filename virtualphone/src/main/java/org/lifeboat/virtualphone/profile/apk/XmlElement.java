package org.lifeboat.virtualphone.profile.apk;

import java.util.List;

/** An element of a binary XML document: a name, its attributes and child elements (no text nodes). */
public record XmlElement(String name, List<XmlAttribute> attributes, List<XmlElement> children) {
    public XmlElement {
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    public static XmlElement of(String name, List<XmlAttribute> attributes, XmlElement... children) {
        return new XmlElement(name, attributes, List.of(children));
    }
}
