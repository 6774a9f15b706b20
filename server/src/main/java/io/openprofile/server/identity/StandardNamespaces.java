package io.openprofile.server.identity;

import java.util.List;

/**
 * Identity namespaces that every openprofile sandbox has, with Adobe's numeric ids where Adobe publishes them.
 *
 * <p>The ids of ECID (4), Email (6), Phone (7), WAID (8), TNTID (9), AdCloud (411), GAID (20914) and IDFA (20915)
 * are listed in Adobe's Privacy Service API appendix ("standard identity namespaces"). AAID (10) matches the
 * namespace URIs in Adobe's XDM example files, where {@code .../namespace/10} holds an Analytics visitor id.
 */
public final class StandardNamespaces {

    /**
     * First id of the range that openprofile reserves for namespaces it defines itself or whose Adobe id it could
     * not confirm. Custom namespaces must not use ids from this range.
     */
    public static final int OPENPROFILE_RESERVED_FROM = 900_000;

    /** Last id of the openprofile range. */
    public static final int OPENPROFILE_RESERVED_TO = 900_999;

    public static final Namespace ECID = standard(4, "ECID", "Adobe Experience Cloud ID", "COOKIE",
            "Device identifier that Adobe Experience Cloud applications assign to a browser or app");
    public static final Namespace EMAIL = standard(6, "Email", "Email", "EMAIL", "Email address");
    public static final Namespace PHONE = standard(7, "Phone", "Phone", "PHONE", "Phone number");
    public static final Namespace WAID = standard(8, "WAID", "Windows AID", "DEVICE",
            "Windows advertising identifier");
    public static final Namespace TNTID = standard(9, "TNTID", "Adobe Target ID", "COOKIE",
            "Visitor identifier assigned by Adobe Target");
    public static final Namespace AAID = standard(10, "AAID", "Adobe Analytics (Legacy ID)", "COOKIE",
            "Visitor identifier assigned by Adobe Analytics before the Experience Cloud ID existed");
    // NOTE: id 11 for Email_LC_SHA256 is the commonly cited value, but no published source confirmed it.
    public static final Namespace EMAIL_LC_SHA256 = standard(11, "Email_LC_SHA256", "Emails (SHA256, lowercased)",
            "EMAIL", "SHA-256 hash of a lower-cased email address");
    public static final Namespace ADCLOUD = standard(411, "AdCloud", "Adobe Advertising Cloud ID", "COOKIE",
            "Identifier assigned by Adobe Advertising Cloud");
    public static final Namespace GAID = standard(20914, "GAID", "Google Ad ID", "DEVICE",
            "Google advertising identifier of an Android device");
    public static final Namespace IDFA = standard(20915, "IDFA", "Apple ID for Advertisers", "DEVICE",
            "Apple advertising identifier of an iOS device");

    // NOTE: Adobe ships the three namespaces below, but their numeric ids could not be confirmed from a published
    // source, so they use openprofile's reserved range and their Adobe namespace URIs do not resolve yet.
    public static final Namespace PHONE_SHA256 = standard(900_001, "Phone_SHA256", "Phone (SHA256)", "PHONE",
            "SHA-256 hash of a phone number");
    public static final Namespace PHONE_E164 = standard(900_002, "Phone_E.164", "Phone (E.164)", "PHONE",
            "Phone number in E.164 format, such as +14085551234");
    public static final Namespace PHONE_SHA256_E164 = standard(900_003, "Phone_SHA256_E.164",
            "Phone (SHA256_E.164)", "PHONE", "SHA-256 hash of a phone number in E.164 format");

    public static final Namespace CRMID = standard(900_100, "CRMID", "CRM ID", "CROSS_DEVICE",
            "Customer id from a CRM system. Defined by openprofile, not by Adobe, where CRM namespaces are"
                    + " custom per organisation; the id is in openprofile's reserved range");

    private static final List<Namespace> ALL = List.of(ECID, EMAIL, PHONE, WAID, TNTID, AAID, EMAIL_LC_SHA256,
            ADCLOUD, GAID, IDFA, PHONE_SHA256, PHONE_E164, PHONE_SHA256_E164, CRMID);

    private StandardNamespaces() {
    }

    /** Returns every standard namespace, ordered by id. */
    public static List<Namespace> all() {
        return ALL;
    }

    private static Namespace standard(int id, String code, String name, String idType, String description) {
        return new Namespace(id, code, name, idType, description, false);
    }
}
