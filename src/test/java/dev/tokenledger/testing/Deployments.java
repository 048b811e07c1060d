package dev.tokenledger.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives tests deploy: the WAR the build just packaged, as it ships. */
public final class Deployments {

    private Deployments() {}

    public static WebArchive application() {
        return ShrinkWrap.createFromZipFile(
                WebArchive.class, new File(System.getProperty("test.war")));
    }

    /** The application plus test classes that run inside the server. */
    public static WebArchive withTests(Class<?>... testClasses) {
        return application().addClasses(testClasses).addClass(TestData.class);
    }
}
