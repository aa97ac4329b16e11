#include "lending/loss_ticket.hpp"

#include "i18n/catalog.hpp"
#include "inventory/device_class.hpp"
#include "tickets/ticket_create.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

std::string japanese(std::string_view key) { return i18n::text(key, i18n::Language::ja); }

std::string line(std::string_view label_key, const std::string& value) {
    std::string text = japanese(label_key);
    text += ": ";
    text += value;
    text += '\n';
    return text;
}

std::string body_of(const LossReportRow& report) {
    std::string body = japanese("lending.loss.ticket.intro");
    body += "\n\n";
    body += line("lending.loss.ticket.tag", report.asset_tag);
    body += line("lending.loss.ticket.kind", japanese(domain::loss_kind_label_key(report.kind)));
    body += line("lending.loss.ticket.request", report.request_number);
    body += line("lending.loss.ticket.borrower", report.borrower_login);
    body += line("lending.loss.ticket.occurred_at", report.occurred_at);
    body += line("lending.loss.ticket.place", report.place);
    body += line("lending.loss.ticket.circumstances", report.circumstances);
    if (report.remote_wipe_requested) {
        body += '\n';
        body += japanese("lending.loss.remote_wipe");
    }
    return body;
}

}  // namespace

store::Result<std::variant<idempotency::Answer, tickets::TicketRow>> open_security_incident(
    store::Database& database, const LossReportRow& report, const identity::Principal& principal,
    const audit::Actor& actor, calendar::Instant now) {
    namespace ticket_domain = madoguchi::tickets;
    const auto* device_class = madoguchi::inventory::find_device_class(report.class_code);
    std::string title = japanese(domain::loss_kind_label_key(report.kind));
    title += ": ";
    title += report.asset_tag;
    if (device_class != nullptr) {
        title += " (";
        title += japanese(device_class->name_key);
        title += ')';
    }
    tickets::Creation creation;
    creation.draft.kind = std::string(ticket_domain::kind_name(ticket_domain::TicketKind::security_incident));
    creation.draft.title = title;
    creation.draft.body = body_of(report);
    creation.draft.category = "device";
    creation.basics = *ticket_domain::basics_of(creation.draft);
    creation.device_ids = {report.device_id};
    creation.loan = notifications::InboxReference::loan(report.request_id, report.request_number);
    // The desk or the IT office reporting on the borrower's behalf opens it in their name.
    if (report.borrower_login != principal.user.fields.login) creation.requester_login = report.borrower_login;
    auto written = tickets::write_ticket(database, creation, principal, actor, now);
    if (!written) return store::Error{written.error()};
    if (const auto* ticket = std::get_if<tickets::TicketRow>(&written.value())) {
        const audit::AuditEntry entry{actor, "ticket.created", "ticket", std::to_string(ticket->id), std::nullopt,
                                      tickets::to_json(*ticket)};
        if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    }
    return written;
}

}  // namespace madoguchi::server::lending
