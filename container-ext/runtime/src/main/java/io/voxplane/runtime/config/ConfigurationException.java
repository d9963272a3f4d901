package io.voxplane.runtime.config;

/**
 * A configuration value is missing its form or range (code {@code VXCFG-001}). The message names
 * the key, the value found and what was expected, e.g.
 * {@code VXCFG-001 voxplane.sip.port = 'abc': expected an integer from 0 to 65535}.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Searchable code of this error. */
    public static final String CODE = "VXCFG-001";

    private final String key;

    public ConfigurationException(String key, String value, String expected, Throwable cause) {
        super(CODE + " " + key + " = '" + value + "': " + expected, cause);
        this.key = key;
    }

    /** The configuration key whose value is wrong. */
    public String key() {
        return key;
    }
}
