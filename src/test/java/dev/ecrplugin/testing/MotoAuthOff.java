package dev.ecrplugin.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For unit test classes that call moto: switches moto's IAM enforcement off before each test, the unit-test mirror
 * of {@link LocalStack#beforeIt()}. Enforcement is server-wide; without this, one earlier test that could not
 * switch it back off would fail every later test with InvalidClientTokenId.
 */
public final class MotoAuthOff implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        LocalStack.enforceIam(false);
    }
}
