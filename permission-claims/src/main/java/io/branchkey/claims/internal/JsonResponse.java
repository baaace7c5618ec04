package io.branchkey.claims.internal;

import java.util.Map;

/**
 * One HTTP answer of a Branchkey endpoint. Internal to the library.
 *
 * @param status the HTTP status
 * @param body the parsed JSON object; null for 304, 404 and other answers without a usable body
 * @param etag the ETag header, or null
 * @param maxAgeSeconds Cache-Control max-age; 0 for no-store/no-cache, -1 when absent
 */
public record JsonResponse(int status, Map<String, Object> body, String etag, long maxAgeSeconds) {
}
