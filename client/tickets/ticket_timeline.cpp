#include "tickets/ticket_timeline.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "tickets/sla_badge.hpp"
#include "tickets/ticket_list.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

std::string what_of(const TimelineEntry& entry, i18n::Language language) {
    if (entry.type == "state" || entry.type == "approval" || entry.type == "created") {
        const auto to = state_label(entry.to_state, language);
        if (entry.type == "created") return fill_template(i18n::text("ticket_desk.timeline.created", language), {{"to", to}});
        return fill_template(i18n::text("ticket_desk.timeline.moved", language),
                             {{"from", state_label(entry.from_state, language)}, {"to", to}});
    }
    if (entry.type == "note") {
        return i18n::text(entry.internal ? "ticket_desk.timeline.internal_note" : "ticket_desk.timeline.public_note",
                          language);
    }
    // The other events say what happened in one phrase; their details are in the comment. An
    // event a newer server adds reads as a plain entry rather than as its raw type.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> phrases{{
        {"updated", "ticket_desk.timeline.updated"},
        {"linked", "ticket_desk.timeline.linked"},
        {"unlinked", "ticket_desk.timeline.unlinked"},
        {"attachment", "ticket_desk.timeline.attachment"},
        {"escalated", "ticket_desk.timeline.escalated"},
    }};
    for (const auto& [type, key] : phrases) {
        if (entry.type == type) return i18n::text(key, language);
    }
    return i18n::text("ticket_desk.timeline.other", language);
}

}  // namespace

std::optional<TimelineEntry> timeline_entry_from_json(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("type")) return std::nullopt;
    TimelineEntry entry;
    entry.id = json.value("id", std::int64_t{0});
    entry.occurred_at = json_text(json, "occurred_at");
    entry.actor = json_text(json, "actor");
    entry.type = json_text(json, "type");
    entry.from_state = json_text(json, "from_state");
    entry.to_state = json_text(json, "to_state");
    entry.comment = json_text(json, "comment");
    entry.internal = json_text(json, "visibility") == "internal";
    entry.decision = json_text(json, "decision");
    return entry;
}

std::string timeline_heading(const TimelineEntry& entry, i18n::Language language) {
    return fill_template(i18n::text("ticket_desk.timeline.heading", language),
                         {{"at", short_tokyo_time(entry.occurred_at)}, {"actor", entry.actor}, {"what", what_of(entry, language)}});
}

}  // namespace madoguchi::client
