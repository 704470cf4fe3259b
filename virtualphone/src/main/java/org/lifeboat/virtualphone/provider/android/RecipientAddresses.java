package org.lifeboat.virtualphone.provider.android;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How TelephonyProvider tells whether two message addresses are the same recipient: e-mail addresses by their
 * addr-spec ({@code Telephony.Mms.isEmailAddress}, {@code extractAddrSpec}), phone numbers by SQLite's
 * {@code PHONE_NUMBERS_EQUAL(a, b, 0, minMatch)} (frameworks/base {@code PhoneNumberUtils.compareLoosely}, the
 * algorithm sqlite3_android's loose comparison shares), anything else by its exact text.
 */
final class RecipientAddresses {
    /** config_phonenumber_compare_min_match in frameworks/base core/res/res/values/config.xml. */
    static final int MIN_MATCH = 7;

    /** Telephony.Mms.NAME_ADDR_EMAIL_PATTERN: {@code "Name" <addr-spec>}. */
    private static final Pattern NAME_ADDR = Pattern.compile("\\s*(\"[^\"]*\"|[^<>\"]+)\\s*<([^<>]+)>\\s*");
    /** android.util.Patterns.EMAIL_ADDRESS. */
    private static final Pattern EMAIL = Pattern.compile(
            "[a-zA-Z0-9+._%\\-]{1,256}@[a-zA-Z0-9][a-zA-Z0-9\\-]{0,64}" + "(\\.[a-zA-Z0-9][a-zA-Z0-9\\-]{0,25})+");
    /** android.util.Patterns.PHONE. */
    private static final Pattern PHONE =
            Pattern.compile("(\\+[0-9]+[\\- .]*)?(\\([0-9]+\\)[\\- .]*)?([0-9][0-9\\- .]+[0-9])");

    private RecipientAddresses() {}

    static String extractAddrSpec(String address) {
        Matcher match = NAME_ADDR.matcher(address);
        return match.matches() ? match.group(2) : address;
    }

    static boolean isEmail(String address) {
        return !address.isEmpty() && EMAIL.matcher(extractAddrSpec(address)).matches();
    }

    static boolean isPhoneNumber(String address) {
        return !address.isEmpty() && PHONE.matcher(address).matches();
    }

    /**
     * PhoneNumberUtils.compareLoosely with {@link #MIN_MATCH}: compared from the end over dialable characters only;
     * equal when one number is used up after at least MIN_MATCH digits, or both are equally short and identical,
     * or what is left are international prefixes ({@code +}, {@code 00}, {@code 011}) or a trunk {@code 0} against
     * an international prefix with a country code.
     */
    static boolean looselyEqual(String a, String b) {
        String left = dialable(a);
        String right = dialable(b);
        if (left.isEmpty() || right.isEmpty()) {
            return false;
        }
        int ia = left.length() - 1;
        int ib = right.length() - 1;
        int matched = 0;
        while (ia >= 0 && ib >= 0 && left.charAt(ia) == right.charAt(ib)) {
            ia--;
            ib--;
            matched++;
        }
        if (matched < MIN_MATCH) {
            return left.length() == right.length() && left.length() == matched;
        }
        if (ia < 0 || ib < 0) {
            return true;
        }
        String restA = left.substring(0, ia + 1);
        String restB = right.substring(0, ib + 1);
        return isIntlPrefix(restA) && isIntlPrefix(restB)
                || restA.equals("0") && isIntlPrefixAndCountryCode(restB)
                || restB.equals("0") && isIntlPrefixAndCountryCode(restA);
    }

    /** The network portion (up to a pause or wait) without separators: PhoneNumberUtils.isDialable characters. */
    private static String dialable(String number) {
        StringBuilder out = new StringBuilder();
        for (char c : number.toCharArray()) {
            if (c == ',' || c == ';') {
                break;
            }
            if (c >= '0' && c <= '9' || c == '*' || c == '#' || c == '+' || c == 'N') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isIntlPrefix(String prefix) {
        return prefix.equals("+") || prefix.equals("00") || prefix.equals("011");
    }

    private static boolean isIntlPrefixAndCountryCode(String prefix) {
        for (String intl : new String[] {"+", "00", "011"}) {
            if (prefix.startsWith(intl)) {
                String countryCode = prefix.substring(intl.length());
                return countryCode.matches("[1-9][0-9]{0,2}");
            }
        }
        return false;
    }
}
