package io.branchkey.claims.internal;

/**
 * One HTTP answer read as text, whatever its status. Internal to the library. toString leaves the body out: a token
 * endpoint's body holds an access token.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type header, or null
 * @param body the body, empty when there was none
 */
public record TextResponse(int status, String contentType, String body) {

    @Override
    public String toString() {
        return "TextResponse[status=" + status + ", contentType=" + contentType + "]";
    }
}
