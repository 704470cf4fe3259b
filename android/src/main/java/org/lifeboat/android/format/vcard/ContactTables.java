package org.lifeboat.android.format.vcard;

import org.lifeboat.android.content.ProviderTable;

/**
 * The ContactsProvider rows behind a vCard export: {@code raw_contacts} ({@code _id}, {@code display_name},
 * {@code deleted}, …), {@code data} ({@code raw_contact_id}, {@code mimetype}, {@code data1}…{@code data15}) and
 * {@code groups} ({@code _id}, {@code title}).
 */
public record ContactTables(ProviderTable rawContacts, ProviderTable data, ProviderTable groups) {}
