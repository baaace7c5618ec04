package io.branchkey.example;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.branchkey.claims.BranchkeyResourceServer;
import io.branchkey.claims.approval.Approval;
import io.branchkey.claims.approval.ApprovalRejectedException;
import io.branchkey.claims.spring.BranchkeyAuthentication;

/**
 * A return at a register: needs register.return at the location and a manager's approval (docs/overrides.md),
 * which is accepted once, only for this cashier, this action, this location and this transaction.
 */
@RestController
public class ReturnsController {

    public record ReturnRequest(long amount, String transactionHash) {
    }

    private final BranchkeyResourceServer branchkey;

    public ReturnsController(BranchkeyResourceServer branchkey) {
        this.branchkey = branchkey;
    }

    @PostMapping("/locations/{locationId}/returns")
    @PreAuthorize("hasPermission(#locationId, 'location', 'register.return')")
    public ResponseEntity<Map<String, Object>> createReturn(@PathVariable String locationId,
            @RequestHeader(name = "Branchkey-Approval", required = false) String approval,
            @RequestBody ReturnRequest request, BranchkeyAuthentication caller) {
        if (approval == null || approval.isBlank()) {
            return refuse(HttpStatus.FORBIDDEN, "approval_required", "a manager's approval is required");
        }
        Approval approved;
        try {
            approved = branchkey.approvals().consume(approval);
        } catch (ApprovalRejectedException e) {
            return e.reason() == ApprovalRejectedException.Reason.REPLAYED
                    ? refuse(HttpStatus.CONFLICT, "approval_used", "this approval was used before")
                    : refuse(HttpStatus.FORBIDDEN, "approval_invalid", "the approval is not valid");
        }
        boolean matches = "return".equals(approved.action()) && approved.requester().equals(caller.access().subject())
                && approved.locationId().equals(locationId) && request.transactionHash().equals(approved.transactionHash());
        if (!matches) {
            return refuse(HttpStatus.FORBIDDEN, "approval_mismatch", "the approval is for another action, person, place or sale");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("locationId", locationId, "amount", request.amount(),
                "approvedBy", approved.approver(), "transactionHash", approved.transactionHash()));
    }

    private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(Map.of("error", error, "message", message));
    }
}
