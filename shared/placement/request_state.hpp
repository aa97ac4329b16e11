#pragma once
// The life of an install / move / remove request (追加・移設・撤去申請) as data: its states, who
// may move it between them, and what each move needs. The server refuses and the client
// offers buttons from the same table.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace madoguchi::placement {

enum class RequestState {
    submitted,    // 申請済: the manager sent it
    accepted,     // 受付済: the desk took it on
    with_vendor,  // ベンダー対応中: handed to the vendor, a task the vendor sees
    vendor_done,  // 作業完了報告: the vendor reports the works done
    completed,    // 完了: the desk closed it and the ledger changed
    rejected,     // 却下
    cancelled,    // 取下げ: the requester withdrew it before the desk accepted it
};

// Who acts on a request. A user may be several parties at once (an operator who requested).
enum class Party {
    requester,  // the manager who submitted it (or a manager of the same division)
    desk,       // 運用窓口
    vendor,     // the vendor company it was handed to
};

std::span<const RequestState> request_states();
// "submitted", …: stored and used in the API.
std::string_view state_name(RequestState state);
std::optional<RequestState> parse_request_state(std::string_view name);
// Catalog key "placement.state.<name>".
std::string_view state_label_key(RequestState state);
bool is_final(RequestState state);

// One allowed move.
struct RequestMove {
    RequestState from;
    RequestState to;
    Party by;
    bool needs_reason;      // refusals, withdrawals and sending back say why
    bool needs_checklist;   // completion: every checklist item done
    std::string_view action_key;  // catalog key of its button: "placement.action.<to>"
};

std::span<const RequestMove> request_moves();

enum class MoveRefusal {
    none,
    same_state,            // already there
    not_allowed,           // no such move from this state
    not_your_move,         // the move exists, but not for the parties the user is
    reason_required,       // a blank reason on a move that needs one
    checklist_incomplete,  // completing with an item not done
};

struct MoveCheck {
    RequestState from;
    RequestState to;
    std::span<const Party> parties;  // what the user is to this request
    bool has_reason = false;
    bool checklist_complete = false;
};

MoveRefusal check_move(const MoveCheck& check);
// The moves open to these parties from `from`, in request_moves() order (reason and
// checklist are not checked: the client asks for a reason, the server checks the list).
std::vector<RequestMove> moves_for(RequestState from, std::span<const Party> parties);
// Catalog key "placement.refusal.<refusal>".
std::string_view refusal_key(MoveRefusal refusal);

}  // namespace madoguchi::placement
