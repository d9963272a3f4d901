package io.voxplane.pbx;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Placeholder of the PBX SIP application: it makes this WAR a bean archive so that the EAR has a
 * web module and the runtime's planes start with it. The PBX handlers come with the app model.
 */
@ApplicationScoped
public class PbxApplication {

    /** Name of this app in logs and, later, in routing rules. */
    public static final String NAME = "pbx";
}
