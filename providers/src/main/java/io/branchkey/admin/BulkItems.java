package io.branchkey.admin;

import java.util.List;
import java.util.function.Function;

import io.branchkey.admin.service.Caller;
import io.branchkey.common.BranchkeyException;
import io.branchkey.rest.ApiError;
import io.branchkey.rest.ApiErrors;
import io.branchkey.rest.ApiException;
import org.jboss.logging.Logger;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs the items of a bulk request, each in a transaction of its own with the caller seen from that transaction,
 * so each succeeds or fails alone and reports an HTTP-like status of its own.
 */
final class BulkItems {

    private static final Logger LOG = Logger.getLogger(BulkItems.class);

    static final int MAX_ITEMS = 500;

    private BulkItems() {
    }

    /** One item's outcome: its HTTP-like status and either the created object or the error. */
    public record ItemResult(int index, int status, Object result) {
    }

    static ItemResult run(Caller caller, int index, int successStatus, Function<Caller, Object> work) {
        try {
            Object result = KeycloakModelUtils.runJobInTransactionWithResult(caller.session().getKeycloakSessionFactory(),
                    session -> work.apply(caller.in(session)));
            return new ItemResult(index, successStatus, result);
        } catch (BranchkeyException e) {
            ApiException error = ApiErrors.from(e);
            return new ItemResult(index, error.status(), error.error());
        } catch (ApiException e) {
            return new ItemResult(index, e.status(), e.error());
        } catch (RuntimeException e) {
            // Earlier items are committed already: report this one as failed rather than fail the whole answer.
            LOG.errorf(e, "bulk item %d failed", index);
            return new ItemResult(index, 500, new ApiError("server_error", "this item failed on the server; it was not applied", null));
        }
    }

    static void requireSize(long items) {
        if (items == 0) {
            throw ApiErrors.invalid(null, "nothing to do: the request has no items");
        }
        if (items > MAX_ITEMS) {
            throw ApiErrors.invalid(null, "at most " + MAX_ITEMS + " items per request");
        }
    }

    /** A null item is a malformed request (400 naming it), not a server error halfway through the items. */
    static void requireNoNullItem(String field, List<?> items) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw ApiErrors.invalid(field + "." + i, "item " + i + " of " + field + " is null");
            }
        }
    }
}
