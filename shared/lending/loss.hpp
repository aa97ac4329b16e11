#pragma once
// 紛失・盗難時対応 (a lent device lost or stolen): the borrower's report as the offline form
// writes it, what the device becomes, and whether the GSS side must be asked to wipe it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "inventory/asset_state.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::lending {

enum class LossKind { lost, stolen };  // 紛失 / 盗難
std::string_view loss_kind_name(LossKind kind);
std::optional<LossKind> parse_loss_kind(std::string_view name);
std::string_view loss_kind_label_key(LossKind kind);  // "lending.loss.kind.<name>"
// The ledger state the device takes: lost or stolen.
inventory::AssetState device_state_of(LossKind kind);

struct LossDraft {
    std::string tag;
    std::string kind;
    std::string occurred_at;  // ISO 8601 with an offset, as the form records it
    std::string place;
    std::string circumstances;
};

// Problems: tag (required, at most 50), kind (field.required, field.unknown_loss_kind),
// occurred_at (field.required, field.invalid_datetime, field.datetime_in_future after `now`),
// place (required, at most 200), circumstances (required, at most 2000, multi-line).
std::vector<validation::FieldProblem> validate(const LossDraft& draft, calendar::Instant now);

// GSS terminals are wiped remotely from the GSS side, asked for through the ministry
// (リモートワイプ依頼); no other class has such a service.
bool remote_wipe_requested(std::string_view class_code);

}  // namespace madoguchi::lending
