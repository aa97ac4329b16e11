#include "drafts/draft.hpp"

#include <array>

namespace madoguchi::client {
namespace {

constexpr std::array<std::pair<DraftState, std::string_view>, 4> state_names{{
    {DraftState::editing, "editing"},
    {DraftState::queued, "queued"},
    {DraftState::sent, "sent"},
    {DraftState::rejected, "rejected"},
}};

std::optional<DraftState> state_from_name(std::string_view name) {
    for (const auto& [state, text] : state_names) {
        if (text == name) return state;
    }
    return std::nullopt;
}

}  // namespace

std::string_view state_name(DraftState state) {
    for (const auto& [candidate, text] : state_names) {
        if (candidate == state) return text;
    }
    return "editing";
}

bool belongs_to(const Draft& draft, std::string_view login) { return draft.owner.empty() || draft.owner == login; }

nlohmann::json to_json(const Draft& draft) {
    return {{"id", draft.id},
            {"form", draft.form},
            {"title", draft.title},
            {"fields", draft.fields},
            {"saved_at", draft.saved_at},
            {"state", state_name(draft.state)},
            {"attempts", draft.attempts},
            {"error_ja", draft.error_ja},
            {"error_en", draft.error_en},
            {"field_errors", draft.field_errors},
            {"receipt", draft.receipt},
            {"owner", draft.owner}};
}

std::optional<Draft> draft_from_json(const nlohmann::json& stored) {
    if (!stored.is_object()) return std::nullopt;
    const auto text = [&](const char* name) -> std::optional<std::string> {
        const auto found = stored.find(name);
        if (found == stored.end() || !found->is_string()) return std::nullopt;
        return found->get<std::string>();
    };
    const auto id = text("id");
    const auto form = text("form");
    const auto state = state_from_name(text("state").value_or(""));
    const auto fields = stored.find("fields");
    if (!id || id->empty() || !form || !state || fields == stored.end() || !fields->is_object()) return std::nullopt;
    Draft draft;
    draft.id = *id;
    draft.form = *form;
    draft.title = text("title").value_or("");
    draft.fields = *fields;
    draft.saved_at = text("saved_at").value_or("");
    draft.state = *state;
    if (const auto attempts = stored.find("attempts"); attempts != stored.end() && attempts->is_number_integer()) {
        draft.attempts = attempts->get<int>();
    }
    draft.error_ja = text("error_ja").value_or("");
    draft.error_en = text("error_en").value_or("");
    if (const auto errors = stored.find("field_errors"); errors != stored.end() && errors->is_object()) {
        draft.field_errors = *errors;
    }
    draft.receipt = text("receipt").value_or("");
    draft.owner = text("owner").value_or("");
    return draft;
}

}  // namespace madoguchi::client
