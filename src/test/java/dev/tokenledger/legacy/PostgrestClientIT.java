package dev.tokenledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.Tokens;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs src/test/node/compat.test.mjs: every request of postgrest_queries.md sent by the real
 * Supabase client (@supabase/postgrest-js, installed by the build with npm ci) to this server, each
 * answer compared with the same question asked in SQL. The Node test fails this one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostgrestClientIT {

    private static final long TIMEOUT_SECONDS = 180;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    @Test
    void theSupabaseClientGetsTheSameAnswersAsSqlOnRequestLogs() throws Exception {
        LegacyRows rows = LegacyRows.seed();
        ProcessBuilder node =
                new ProcessBuilder("node", "--test", "--test-reporter=spec", "compat.test.mjs")
                        .directory(new File("src/test/node"))
                        .redirectErrorStream(true);
        Map<String, String> environment = node.environment();
        environment.put("BASE_URL", base.toString());
        environment.put("RUN", rows.run());
        environment.put("USER_ID", rows.user123());
        environment.put("USER_TOKEN", tokens.user(rows.user123()));
        environment.put("SOLO_ID", rows.soloUser());
        environment.put("SOLO_TOKEN", tokens.user(rows.soloUser()));
        environment.put("UNICODE_ID", rows.unicodeUser());
        environment.put("SERVICE_TOKEN", tokens.service());
        environment.put("ANON_TOKEN", tokens.anon());
        environment.putAll(database());

        Process process = node.start();
        byte[] output = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        String report = new String(output, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(finished).as("node finished within %d s", TIMEOUT_SECONDS).isTrue();
        assertThat(process.exitValue()).as(report).isZero();
        assertThat(report).contains("pass 16").contains("fail 0");
    }

    /** libpq's variables, for the test's own SQL connection as the administrator. */
    private static Map<String, String> database() {
        URI url = URI.create(System.getProperty("test.db.url").substring("jdbc:".length()));
        return Map.of(
                "PGHOST",
                url.getHost(),
                "PGPORT",
                Integer.toString(url.getPort()),
                "PGDATABASE",
                url.getPath().substring(1),
                "PGUSER",
                System.getProperty("test.db.admin-user"),
                "PGPASSWORD",
                System.getProperty("test.db.admin-password", ""));
    }
}
