package io.voxplane.stack.registrar;

import java.io.Serializable;

/**
 * An atomic change to one AOR's registration, applied by {@link LocationStore#update}. Pure
 * function of the current value and its own fields: a distributed store may run it where the
 * entry lives (an entry processor), or retry it on a fresh value (replace-if-same), so it must
 * be serializable and free of side effects.
 */
@FunctionalInterface
public interface RegistrationUpdate extends Serializable {

    /**
     * The new registration given the current one.
     *
     * @param current the stored registration, or null when the AOR has none
     * @return the registration to store, or null to remove the AOR's entry
     * @throws RegistrarException to abort the update (the stored value stays as it was)
     */
    Registration apply(Registration current);
}
