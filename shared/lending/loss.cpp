#include "lending/loss.hpp"

#include "validation/text_rules.hpp"

namespace madoguchi::lending {
namespace {

constexpr std::size_t tag_limit = 50;
constexpr std::size_t place_limit = 200;
constexpr std::size_t circumstances_limit = 2000;

void check_text(std::vector<validation::FieldProblem>& problems, std::string_view field, std::string_view value,
                std::size_t limit, bool multiline = false) {
    if (auto problem = validation::text_problem(value, limit, true, multiline); !problem.empty()) {
        problems.push_back({std::string(field), std::move(problem)});
    }
}

}  // namespace

std::string_view loss_kind_name(LossKind kind) { return kind == LossKind::lost ? "lost" : "stolen"; }

std::optional<LossKind> parse_loss_kind(std::string_view name) {
    if (name == "lost") return LossKind::lost;
    if (name == "stolen") return LossKind::stolen;
    return std::nullopt;
}

std::string_view loss_kind_label_key(LossKind kind) {
    return kind == LossKind::lost ? "lending.loss.kind.lost" : "lending.loss.kind.stolen";
}

inventory::AssetState device_state_of(LossKind kind) {
    return kind == LossKind::lost ? inventory::AssetState::lost : inventory::AssetState::stolen;
}

std::vector<validation::FieldProblem> validate(const LossDraft& draft, calendar::Instant now) {
    std::vector<validation::FieldProblem> problems;
    check_text(problems, "tag", draft.tag, tag_limit);
    if (draft.kind.empty()) {
        problems.push_back({"kind", "field.required"});
    } else if (!parse_loss_kind(draft.kind)) {
        problems.push_back({"kind", "field.unknown_loss_kind"});
    }
    if (draft.occurred_at.empty()) {
        problems.push_back({"occurred_at", "field.required"});
    } else if (const auto parsed = calendar::parse_iso8601(draft.occurred_at); !parsed.instant) {
        problems.push_back({"occurred_at", "field.invalid_datetime"});
    } else if (*parsed.instant > now) {
        problems.push_back({"occurred_at", "field.datetime_in_future"});
    }
    check_text(problems, "place", draft.place, place_limit);
    check_text(problems, "circumstances", draft.circumstances, circumstances_limit, true);
    return problems;
}

bool remote_wipe_requested(std::string_view class_code) { return class_code == "gss_terminal"; }

}  // namespace madoguchi::lending
