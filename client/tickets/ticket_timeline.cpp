#include "tickets/ticket_timeline.hpp"

#include "tickets/sla_badge.hpp"
#include "tickets/ticket_kind.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

namespace domain = madoguchi::tickets;

std::string text_of(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::string state_label(const std::string& state, i18n::Language language) {
    const auto parsed = domain::parse_ticket_state(state);
    return parsed ? i18n::text(domain::state_label_key(*parsed), language) : state;
}

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
    if (entry.type == "updated") return i18n::text("ticket_desk.timeline.updated", language);
    if (entry.type == "linked") return i18n::text("ticket_desk.timeline.linked", language);
    return entry.type;
}

}  // namespace

std::optional<TimelineEntry> timeline_entry_from_json(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("type")) return std::nullopt;
    TimelineEntry entry;
    entry.id = json.value("id", std::int64_t{0});
    entry.occurred_at = text_of(json, "occurred_at");
    entry.actor = text_of(json, "actor");
    entry.type = text_of(json, "type");
    entry.from_state = text_of(json, "from_state");
    entry.to_state = text_of(json, "to_state");
    entry.comment = text_of(json, "comment");
    entry.internal = text_of(json, "visibility") == "internal";
    entry.decision = text_of(json, "decision");
    return entry;
}

std::string timeline_heading(const TimelineEntry& entry, i18n::Language language) {
    return fill_template(i18n::text("ticket_desk.timeline.heading", language),
                         {{"at", short_tokyo_time(entry.occurred_at)}, {"actor", entry.actor}, {"what", what_of(entry, language)}});
}

}  // namespace madoguchi::client
