import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Prints a development token (HS256, Supabase-style claims) for curl and for trying the API. A
 * single-file program, so it needs nothing but a JDK:
 *
 * <pre>
 *   java config/dev/DevToken.java                       # authenticated, sub user-123
 *   java config/dev/DevToken.java --sub alice
 *   java config/dev/DevToken.java --role service_role
 *   java config/dev/DevToken.java --role ingest --hours 720
 * </pre>
 *
 * Signs with TOKENLEDGER_JWT_SECRET when set, else with the development secret that a server
 * started by {@code mvn -Pstart} accepts. Never deploy that secret.
 */
public class DevToken {

    static final String DEVELOPMENT_SECRET = "token-ledger-development-secret-do-not-deploy";

    private static final String USAGE =
            "usage: java config/dev/DevToken.java [--role anon|authenticated|service_role|ingest]"
                    + " [--sub USER_ID] [--hours N]";

    public static void main(String[] args) throws Exception {
        if (!wellFormed(args)) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String role = option(args, "--role", "authenticated");
        String subject = option(args, "--sub", role.equals("authenticated") ? "user-123" : null);
        long hours = Long.parseLong(option(args, "--hours", "24"));
        String secret = System.getenv().getOrDefault("TOKENLEDGER_JWT_SECRET", DEVELOPMENT_SECRET);

        long now = Instant.now().getEpochSecond();
        String claims =
                "{\"role\":"
                        + json(role)
                        + (subject == null ? "" : ",\"sub\":" + json(subject))
                        + ",\"iat\":"
                        + now
                        + ",\"exp\":"
                        + (now + hours * 3600)
                        + "}";
        String unsigned = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64(claims);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(hmac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
        System.out.println(unsigned + "." + signature);
    }

    /** Only known options, each with a value: a typo must not quietly give user-123's token. */
    private static boolean wellFormed(String[] args) {
        if (args.length % 2 != 0) {
            return false;
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--role", "--sub", "--hours").contains(args[i])) {
                return false;
            }
        }
        try {
            return Long.parseLong(option(args, "--hours", "24")) > 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
