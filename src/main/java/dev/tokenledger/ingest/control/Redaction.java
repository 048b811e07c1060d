package dev.tokenledger.ingest.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ledger keeps of a gateway's payload when it keeps the payload itself (a dead letter):
 * the payload as sent, without what can hold a credential, a person's address or the gateway's
 * internals. Rows keep far less (see {@link LiteLlmContext}) but share the rule for URLs.
 *
 * <p>Removed wherever they are: values whose key names a credential (api keys, tokens, passwords,
 * secrets, authorization, cookies, headers, key hashes). Removed by name: LiteLLM's parameters and
 * hidden parameters (keys, provider URLs, provider headers), model parameters (extra headers),
 * tracebacks, cache keys, the caller's IP address, user agent and e-mail, and the metadata that
 * carries prompt content (tool calls, vector store queries, prompt variables, guardrail requests).
 * Every URL outside the prompts keeps only scheme, host, port and path: a user part or query may
 * carry a credential. Prompts ({@code messages}, {@code response}) are the operator's to keep or
 * not; only the response's token usage is kept without them.
 */
public final class Redaction {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Fields of LiteLLM's StandardLoggingPayload that are internals or personal. */
    private static final Set<String> PAYLOAD_FIELDS =
            Set.of(
                    "litellm_params",
                    "hidden_params",
                    "model_parameters",
                    "optional_params",
                    "cache_key",
                    "requester_ip_address",
                    "user_agent",
                    "guardrail_information",
                    "proxy_server_request");

    /** Fields of its metadata that are internals, personal, or prompt content. */
    private static final Set<String> METADATA_FIELDS =
            Set.of(
                    "user_api_key_auth_metadata",
                    "user_api_key_user_email",
                    "requester_ip_address",
                    "user_agent",
                    "mcp_tool_call_metadata",
                    "vector_store_request_metadata",
                    "prompt_management_metadata",
                    "cold_storage_object_key",
                    // the raw request as the proxy received it: prompts and headers
                    "proxy_server_request");

    private static final Pattern CREDENTIAL_NAME =
            Pattern.compile(
                    "(^|.*_)(key|api_?key|key_?hash|token|auth|bearer|headers?|signature"
                            + "|pwd|jwt|otp|sas)$"
                            + "|.*(secret|passw(or)?d|authori[sz]ation|credential|cookie"
                            + "|private_?key|access_?key|session_?key).*");

    /** Keys whose whole value is a URL, with or without a scheme. */
    private static final Pattern URL_NAME = Pattern.compile("(^|.*_)(api_base|base_url|url)$");

    /** A scheme of at most 32 characters keeps the search linear in the text's length. */
    private static final Pattern URL =
            Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]{0,31}://[^\\s\"'<>]+");

    /**
     * Bearer tokens, credentials in query parameters and user:password parts (also of URLs without
     * a scheme, which the URL search does not see), sk- keys (OpenAI, Anthropic and the like) and
     * JWTs, in any text.
     */
    private static final Pattern SECRET_SHAPED =
            Pattern.compile(
                    "(?i:bearer)\\s+[A-Za-z0-9._~+/=-]{8,}"
                            + "|(?<=[?&;])(?i:api[_-]?key|access[_-]?token|token|key|secret"
                            + "|password|passwd|pwd|sig|signature|auth)=[^&\\s\"'<>]+"
                            + "|(?<=//)[^/@\\s\"'<>:]+:[^/@\\s\"'<>]+(?=@)"
                            + "|\\bsk-[A-Za-z0-9_-]{12,}"
                            + "|\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    static final String REDACTED = "[redacted]";

    /**
     * Tracebacks quote variables and headers; dropped wherever they are (LiteLLM's
     * error_information and response_cost_failure_debug_info keep the rest: a debug object present
     * still tells the mapping that LiteLLM knew no price).
     */
    private static final Pattern TRACEBACK_NAME = Pattern.compile("traceback(_str)?");

    private Redaction() {}

    /**
     * A storable copy of a payload without what is listed above.
     *
     * @param keepPrompts whether the operator stores prompts, so {@code messages} and {@code
     *     response} stay as sent
     */
    public static JsonNode payload(JsonNode delivered, boolean keepPrompts) {
        JsonNode storable = StorableJson.sanitised(delivered);
        if (!(storable instanceof ObjectNode payload)) {
            return scrubbed(storable);
        }
        ObjectNode prompts = NODES.objectNode();
        for (String field : StorableJson.PROMPT_FIELDS) {
            JsonNode prompt = payload.remove(field);
            if (prompt != null) {
                prompts.set(field, prompt);
            }
        }
        payload.remove(PAYLOAD_FIELDS);
        trim(payload, "metadata", METADATA_FIELDS);

        ObjectNode kept = (ObjectNode) scrubbed(payload);
        if (keepPrompts) {
            kept.setAll(prompts);
        } else if (prompts.path("response").path("usage").isObject()) {
            // The cached-token count lives here; a letter posted again should still carry it.
            kept.putObject("response").set("usage", scrubbed(prompts.at("/response/usage")));
        }
        return kept;
    }

    /** Scheme, host, port and path of a URL; for text that is no URL, the text before ? or #. */
    public static String url(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return new URI(
                                uri.getScheme(),
                                null,
                                uri.getHost(),
                                uri.getPort(),
                                // ;token=... path parameters carry credentials as queries do
                                uri.getPath() == null
                                        ? null
                                        : uri.getPath().replaceAll(";[^/]*", ""),
                                null,
                                null)
                        .toString();
            }
        } catch (URISyntaxException notAUri) {
            // reduced by hand below
        }
        return url.replaceFirst("[?#;].*$", "").replaceFirst("^([^:/?#]+://|//)?[^/@?#]*@", "$1");
    }

    /**
     * The text with every URL in it reduced as {@link #url} does, and with credentials that give
     * themselves away by their shape (a bearer token, an OpenAI-style {@code sk-} key, a JWT)
     * replaced, whatever key holds the text: error messages quote them.
     */
    public static String text(String text) {
        String reduced = text;
        // Cheap tests first: most strings hold none of these, and skip the patterns' search.
        if (reduced.contains("://")) {
            Matcher urls = URL.matcher(reduced);
            if (urls.find()) {
                reduced = urls.replaceAll(found -> Matcher.quoteReplacement(url(found.group())));
            }
        }
        if (reduced.contains("earer")
                || reduced.contains("EARER")
                || reduced.contains("=")
                || reduced.contains("@")
                || reduced.contains("sk-")
                || reduced.contains("eyJ")) {
            reduced = SECRET_SHAPED.matcher(reduced).replaceAll(REDACTED);
        }
        return reduced;
    }

    /** Drops the named fields of an object field of the (already copied) payload. */
    private static void trim(ObjectNode payload, String field, Set<String> dropped) {
        if (payload.get(field) instanceof ObjectNode object) {
            object.remove(dropped);
        }
    }

    private static JsonNode scrubbed(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            // {"name": "x-api-key", "value": "..."}: the value of a header written as a pair
            boolean namesACredential =
                    (node.path("name").isTextual() && credential(node.path("name").textValue()))
                            || (node.path("key").isTextual()
                                    && credential(node.path("key").textValue()));
            node.properties()
                    .forEach(
                            field -> {
                                String name = field.getKey();
                                JsonNode value = field.getValue();
                                if (credential(name)
                                        || TRACEBACK_NAME.matcher(normalised(name)).matches()
                                        || (namesACredential && name.equals("value"))) {
                                    return;
                                }
                                copy.set(
                                        name,
                                        value.isTextual() && urlName(name)
                                                ? NODES.textNode(url(value.textValue()))
                                                : scrubbed(value));
                            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode(node.size());
            node.forEach(item -> copy.add(scrubbed(item)));
            return copy;
        }
        return node.isTextual() ? NODES.textNode(text(node.textValue())) : node;
    }

    /** Whether a key names a credential: {@code api_key}, {@code x-api-key}, ... */
    static boolean credential(String key) {
        return CREDENTIAL_NAME.matcher(normalised(key)).matches();
    }

    private static boolean urlName(String key) {
        return URL_NAME.matcher(normalised(key)).matches();
    }

    private static String normalised(String key) {
        return key.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
