package io.branchkey.claims.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.util.JSONObjectUtils;

import io.branchkey.claims.BranchkeyUnavailableException;

/**
 * JSON over the JDK HttpClient, for the Branchkey and JWKS endpoints. Internal to the library: not an API.
 * Bodies are read up to a limit so that a misbehaving server cannot exhaust memory. Never logs anything.
 */
public final class JsonHttp {

    /** Large enough for the whole-hierarchy document of a big realm (about 100 bytes per node). */
    public static final int DEFAULT_MAX_BODY_BYTES = 32 << 20;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxBodyBytes;

    /**
     * @param client not null; shared, thread-safe
     * @param requestTimeout not null; per request
     */
    public JsonHttp(HttpClient client, Duration requestTimeout, int maxBodyBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.maxBodyBytes = maxBodyBytes;
    }

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /**
     * @param client null for {@link #defaultClient()}
     * @param requestTimeout not null
     */
    public static JsonHttp of(HttpClient client, Duration requestTimeout) {
        return new JsonHttp(client != null ? client : defaultClient(), requestTimeout, DEFAULT_MAX_BODY_BYTES);
    }

    /** A client with a 2 s connect timeout that never follows redirects (an endpoint must not send us elsewhere). */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * GET with an optional If-None-Match.
     *
     * @param ifNoneMatch null for an unconditional GET
     * @throws BranchkeyUnavailableException on I/O failure, interruption, or a 2xx body that is not a JSON object
     */
    public JsonResponse get(URI uri, String ifNoneMatch) {
        return get(uri, ifNoneMatch, null);
    }

    /**
     * GET with an optional If-None-Match and an optional bearer token.
     *
     * @param ifNoneMatch null for an unconditional GET
     * @param bearerToken null for none; sent only in the Authorization header, never in a message
     * @throws BranchkeyUnavailableException as for {@link #get(URI, String)}
     */
    public JsonResponse get(URI uri, String ifNoneMatch, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET()
                .header("Accept", "application/json");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.build(), uri);
    }

    /**
     * POST of an already encoded form (the token endpoint), answered as text whatever the status: OAuth errors
     * come with 400 or 401 and a JSON body worth reading.
     *
     * @param headers sent as given (Content-Type, Authorization, ...); never put in a message
     * @throws BranchkeyUnavailableException on I/O failure, interruption or a body over the limit
     */
    public TextResponse postForm(URI uri, Map<String, String> headers, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<InputStream> response = exchange(request.build(), uri);
        try (InputStream in = response.body()) {
            String body = new String(readLimited(in, uri), StandardCharsets.UTF_8);
            return new TextResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    body);
        } catch (IOException e) {
            throw new BranchkeyUnavailableException("reading the answer of " + uri + " failed: " + e, e);
        }
    }

    /**
     * POST a JSON body with a bearer token.
     *
     * @param bearerToken not null; sent only in the Authorization header
     * @throws BranchkeyUnavailableException as for {@link #get}
     */
    public JsonResponse postJson(URI uri, String bearerToken, Map<String, ?> body) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(body), StandardCharsets.UTF_8))
                .build();
        return send(request, uri);
    }

    private HttpResponse<InputStream> exchange(HttpRequest request, URI uri) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new BranchkeyUnavailableException("request to " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BranchkeyUnavailableException("interrupted while calling " + uri, e);
        }
    }

    private byte[] readLimited(InputStream in, URI uri) throws IOException {
        byte[] bytes = in.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            throw new BranchkeyUnavailableException(uri + " answered more than " + maxBodyBytes + " bytes");
        }
        return bytes;
    }

    private JsonResponse send(HttpRequest request, URI uri) {
        HttpResponse<InputStream> response = exchange(request, uri);
        int status = response.statusCode();
        String etag = response.headers().firstValue("ETag").orElse(null);
        long maxAge = maxAgeSeconds(response.headers().firstValue("Cache-Control").orElse(null));
        Map<String, Object> body = null;
        try (InputStream in = response.body()) {
            if (status >= 200 && status < 300) {
                byte[] bytes = readLimited(in, uri);
                try {
                    body = JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8));
                } catch (ParseException e) {
                    throw new BranchkeyUnavailableException(uri + " answered something other than a JSON object", e);
                }
            }
        } catch (IOException e) {
            throw new BranchkeyUnavailableException("reading the answer of " + uri + " failed: " + e, e);
        }
        return new JsonResponse(status, body, etag, maxAge);
    }

    /** max-age in seconds; 0 for no-store or no-cache; -1 when the header says nothing about it. */
    static long maxAgeSeconds(String cacheControl) {
        if (cacheControl == null) {
            return -1;
        }
        long maxAge = -1;
        for (String directive : cacheControl.split(",")) {
            String d = directive.trim().toLowerCase(Locale.ROOT);
            if (d.equals("no-store") || d.equals("no-cache")) {
                return 0;
            }
            if (d.startsWith("max-age=")) {
                try {
                    maxAge = Math.max(0, Long.parseLong(d.substring("max-age=".length()).replace("\"", "")));
                } catch (NumberFormatException e) {
                    maxAge = -1;
                }
            }
        }
        return maxAge;
    }

    /** Percent-encodes one path segment (everything but RFC 3986 unreserved characters). */
    public static String pathSegment(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The endpoint below a base URL (the issuer): base without trailing slash + path. */
    public static URI endpoint(URI base, String path) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + path);
    }
}
