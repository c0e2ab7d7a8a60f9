package dev.greenlight.local.aws;

/** The account and region the twins pretend to be, and the ARNs they build from them. */
public final class LocalAccount {

    public static final String ID = "123456789012";
    public static final String REGION = "us-east-1";

    private LocalAccount() {
    }

    /** {@code arn:aws:SERVICE:us-east-1:123456789012:RESOURCE}. */
    public static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + REGION + ":" + ID + ":" + resource;
    }
}
