#include "lending/counter_routes.hpp"

#include <algorithm>

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "i18n/catalog.hpp"
#include "identity/division_store.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "lending/counter_lookup.hpp"
#include "lending/location_name.hpp"
#include "lending/counter_scan.hpp"
#include "lending/lent_accessories.hpp"
#include "lending/ledger_moves.hpp"
#include "lending/request_store.hpp"
#include "lending/scan_code.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using domain::RequestState;
using http::Reply;
using nlohmann::json;

calendar::Date today() { return calendar::to_tokyo(calendar::now()).date; }

json person_json(store::Database& database, const identity::UserRecord& person) {
    json division{{"code", person.fields.division_code}, {"name_ja", ""}, {"name_en", ""}};
    if (auto found = identity::find_division(database, person.fields.division_code); found && found.value()) {
        division["name_ja"] = found.value()->name_ja;
        division["name_en"] = found.value()->name_en;
    }
    return {{"login", person.fields.login}, {"name", person.fields.name}, {"division", division}};
}

json verdict_json(const ScanVerdict& verdict, const CounterDevice& device) {
    json answer{{"accepted", verdict.refusal.empty()},
                {"asset_tag", device.asset_tag},
                {"class", device.class_code},
                {"device_state", madoguchi::inventory::state_name(device.state)},
                {"reason", verdict.refusal.empty() ? json() : json(verdict.refusal)},
                {"message", verdict.refusal.empty() ? "" : i18n::text(verdict.refusal, i18n::Language::en)},
                {"message_ja", verdict.refusal.empty() ? "" : i18n::text(verdict.refusal, i18n::Language::ja)},
                {"request_id", json()},
                {"request_number", json()},
                {"due_date", json()}};
    if (verdict.loan) {
        answer["request_id"] = verdict.loan->request_id;
        answer["request_number"] = verdict.loan->request_number;
        answer["due_date"] = calendar::format_date(verdict.loan->due_date);
    }
    return answer;
}

// The person's approved requests that start by today, each device with its verdict.
store::Result<json> ready_requests(store::Database& database, const identity::UserRecord& person) {
    auto ids = request_ids_of(database, person.fields.login, RequestState::approved);
    if (!ids) return store::Error{ids.error()};
    auto ready = json::array();
    for (const auto id : ids.value()) {
        auto found = find_request(database, id);
        if (!found) return store::Error{found.error()};
        const auto& row = *found.value();
        if (today() < row.start_date) continue;
        auto devices = json::array();
        for (const auto& allocated : row.devices) {
            auto device = find_counter_device(database, allocated.asset_tag);
            if (!device) return store::Error{device.error()};
            const auto verdict = handover_verdict(*device.value(), person.fields.login, today(), row.id);
            auto entry = verdict_json(verdict, *device.value());
            entry["ready"] = verdict.refusal.empty();
            devices.push_back(std::move(entry));
        }
        ready.push_back({{"id", row.id},
                         {"number", row.number},
                         {"class", row.class_code},
                         {"quantity", row.quantity},
                         {"start_date", calendar::format_date(row.start_date)},
                         {"due_date", calendar::format_date(row.due_date)},
                         {"terms_version", row.terms_version},
                         {"accessories", row.accessories},
                         {"version", row.version},
                         {"devices", devices}});
    }
    return ready;
}

store::Result<json> loans_out(store::Database& database, const identity::UserRecord& person) {
    auto loans = loans_of(database, person.fields.login);
    if (!loans) return store::Error{loans.error()};
    auto items = json::array();
    const auto days_today = calendar::days_from_civil(today());
    for (const auto& loan : loans.value()) {
        const auto late = days_today - calendar::days_from_civil(loan.due_date);
        items.push_back({{"request_id", loan.request_id},
                         {"request_number", loan.request_number},
                         {"asset_tag", loan.asset_tag},
                         {"class", loan.class_code},
                         {"start_date", calendar::format_date(loan.start_date)},
                         {"due_date", calendar::format_date(loan.due_date)},
                         {"overdue", late > 0},
                         {"overdue_days", std::max<std::int64_t>(late, 0)}});
    }
    return items;
}

json receipt_json(const HandoverRow& handover, const LoanRequestRow& request, const json& person) {
    return {{"handover_id", handover.id},
            {"request_id", request.id},
            {"request_number", request.number},
            {"person", person},
            {"class", request.class_code},
            {"tags", handover.tags},
            {"accessories", request.accessories},
            {"start_date", calendar::format_date(request.start_date)},
            {"due_date", calendar::format_date(request.due_date)},
            {"terms_form", request.terms_form},
            {"terms_version", handover.terms_version},
            {"counter", {{"id", handover.counter_location_id}, {"name", handover.counter_name}}},
            {"operator", {{"login", handover.operator_login}, {"name", handover.operator_name}}},
            {"handed_at", handover.handed_at}};
}

store::Result<Reply> receipt_of(store::Database& database, std::int64_t handover_id, int status) {
    auto handover = find_handover(database, handover_id);
    if (!handover) return store::Error{handover.error()};
    if (!handover.value()) return http::refusal(404, api::make_error("not_found"));
    auto request = find_request(database, handover.value()->request_id);
    if (!request) return store::Error{request.error()};
    if (!request.value()) return store::Error{"the handover's request is gone"};
    auto person = identity::find_user_by_login(database, request.value()->requester_login);
    if (!person) return store::Error{person.error()};
    const auto who = person.value() ? person_json(database, *person.value())
                                    : json{{"login", request.value()->requester_login}};
    return Reply{status, {{"receipt", receipt_json(*handover.value(), *request.value(), who)}}};
}

struct Handover {
    std::string card;
    std::int64_t request_id = 0;
    std::vector<std::string> tags;
    std::int64_t counter_location_id = 0;
    std::int64_t version = 0;
};

// Every tag's verdict for the request; the devices to hand over, or the refusal.
using Checked = std::variant<std::vector<CounterDevice>, Reply>;

store::Result<Checked> checked_devices(store::Database& database,
                                                                               const Handover& handover,
                                                                               const std::string& login) {
    std::vector<CounterDevice> devices;
    auto refusal = api::make_error("handover_refused");
    for (std::size_t index = 0; index < handover.tags.size(); ++index) {
        const auto field = "tags[" + std::to_string(index) + "]";
        auto found = device_by_tag(database, handover.tags[index], field);
        if (!found) return store::Error{found.error()};
        if (auto* unknown = std::get_if<Reply>(&found.value())) return Checked(*unknown);
        auto& device = std::get<CounterDevice>(found.value());
        const bool twice = std::any_of(devices.begin(), devices.end(), [&](const CounterDevice& d) { return d.id == device.id; });
        auto verdict = handover_verdict(device, login, today(), handover.request_id);
        if (twice) verdict.refusal = "lending.counter.refusal.already_scanned";
        if (!verdict.refusal.empty()) api::add_field(refusal, field, verdict.refusal);
        devices.push_back(std::move(device));
    }
    if (!refusal.fields.empty()) return Checked(Reply{409, api::to_json(refusal)});
    return Checked(std::move(devices));
}

}  // namespace

void counter_person(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context) {
    auto answer = database.use([&](store::Database& connection) -> store::Result<Reply> {
        auto person = person_by_card(connection, context.params.at("card"));
        if (!person) return store::Error{person.error()};
        if (auto* unknown = std::get_if<Reply>(&person.value())) return *unknown;
        const auto& holder = std::get<identity::UserRecord>(person.value());
        auto ready = ready_requests(connection, holder);
        if (!ready) return store::Error{ready.error()};
        auto loans = loans_out(connection, holder);
        if (!loans) return store::Error{loans.error()};
        return Reply{200, {{"person", person_json(connection, holder)}, {"ready", ready.value()}, {"loans", loans.value()}}};
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, answer.value().status, answer.value().body);
}

void counter_scan(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const http::RequestContext&) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"card", "tag", "mode", "scanned"});
    const auto card = reader.optional_string("card").value_or("");
    const auto tag = reader.string("tag");
    const auto mode_name = reader.string("mode");
    const auto scanned = reader.optional_strings("scanned").value_or(std::vector<std::string>{});
    const auto mode = parse_scan_mode(mode_name);
    if (!mode_name.empty() && !mode) reader.add_problem("mode", "field.unknown_scan_mode");
    if (mode == ScanMode::handover && card.empty()) reader.add_problem("card", "field.required");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    auto answer = database.use([&](store::Database& connection) -> store::Result<Reply> {
        std::string login;
        if (!card.empty()) {
            auto person = person_by_card(connection, card);
            if (!person) return store::Error{person.error()};
            if (auto* unknown = std::get_if<Reply>(&person.value())) return *unknown;
            login = std::get<identity::UserRecord>(person.value()).fields.login;
        }
        auto found = device_by_tag(connection, tag);
        if (!found) return store::Error{found.error()};
        if (auto* unknown = std::get_if<Reply>(&found.value())) return *unknown;
        const auto& device = std::get<CounterDevice>(found.value());
        auto verdict = *mode == ScanMode::handover ? handover_verdict(device, login, today())
                                                   : return_verdict(device, login);
        const bool again = std::any_of(scanned.begin(), scanned.end(), [&](const std::string& earlier) {
            return madoguchi::lending::classify_scan(earlier).code == device.asset_tag;
        });
        if (again) verdict.refusal = "lending.counter.refusal.already_scanned";
        auto answer = verdict_json(verdict, device);
        // What goes out (or should come back) with the device, for the operator to check.
        answer["accessories"] = json::array();
        const auto* device_class = madoguchi::inventory::find_device_class(device.class_code);
        if (verdict.refusal.empty() && verdict.loan && device_class != nullptr) {
            auto loan = find_request(connection, verdict.loan->request_id);
            if (!loan) return store::Error{loan.error()};
            if (loan.value()) answer["accessories"] = lent_accessories(*device_class, device.accessories, loan.value()->accessories);
        }
        return Reply{200, {{"verdict", answer}}};
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, answer.value().status, answer.value().body);
}

void hand_over(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
               const http::RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"card", "request_id", "tags", "counter_location_id", "version"});
    const Handover handover{reader.string("card"), reader.integer("request_id"), reader.strings("tags"),
                            reader.integer("counter_location_id"), reader.integer("version")};
    if (reader.problems().empty() && handover.tags.empty()) reader.add_problem("tags", "field.required");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    const auto actor = identity::actor_of(context);
    const auto& operator_login = context.principal->user.fields.login;
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto person = person_by_card(connection, handover.card);
        if (!person) return store::Error{person.error()};
        if (auto* unknown = std::get_if<Reply>(&person.value())) return *unknown;
        const auto& holder = std::get<identity::UserRecord>(person.value());
        auto found = find_request(connection, handover.request_id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return http::refusal(404, api::field_error("not_found", "request_id", "field.unknown_request"));
        const auto& before = *found.value();
        if (before.requester_login != holder.fields.login) {
            return http::refusal(409, api::field_error("handover_refused", "request_id", "lending.counter.refusal.not_this_person"));
        }
        if (before.version != handover.version) {
            auto body = api::to_json(api::make_error("stale_version"));
            body["request"] = to_json(before);
            return Reply{409, body};
        }
        auto counter = location_name(connection, handover.counter_location_id);
        if (!counter) return store::Error{counter.error()};
        if (!counter.value()) {
            return http::refusal(422, api::field_error("validation_failed", "counter_location_id", "field.unknown_location"));
        }
        auto checked = checked_devices(connection, handover, holder.fields.login);
        if (!checked) return store::Error{checked.error()};
        if (auto* refused = std::get_if<Reply>(&checked.value())) return *refused;
        const auto now = calendar::now();
        HandoverRow row{0, before.id, handover.counter_location_id, *counter.value(), operator_login,
                        context.principal->user.fields.name, before.terms_version, calendar::format_iso8601_utc(now), {}};
        auto id = insert_handover(connection, row);
        if (!id) return store::Error{id.error()};
        for (const auto& device : std::get<std::vector<CounterDevice>>(checked.value())) {
            if (auto moved = move_device(connection, device.id, madoguchi::inventory::AssetState::on_loan, before.number, actor);
                !moved) {
                return store::Error{moved.error()};
            }
            if (auto marked = mark_handed_over(connection, before.id, device.id, id.value()); !marked) {
                return store::Error{marked.error()};
            }
        }
        auto counts = allocation_counts(connection, before.id);
        if (!counts) return store::Error{counts.error()};
        if (counts.value().not_handed_over == 0) {
            auto set = set_request_state(connection, before, RequestState::on_loan, actor.name, "", now);
            if (!set) return store::Error{set.error()};
            if (!set.value()) return store::Error{"loan request " + before.number + " changed inside the transaction"};
        }
        auto receipt = receipt_of(connection, id.value(), 201);
        if (!receipt) return store::Error{receipt.error()};
        auto after = find_request(connection, before.id);
        if (!after) return store::Error{after.error()};
        auto document = to_json(*after.value());
        document["handover"] = receipt.value().body["receipt"];
        const audit::AuditEntry entry{actor, "loan_request.handed_over", "loan_request", std::to_string(before.id),
                                      to_json(before), document};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return receipt;
    });
}

void handover_receipt(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                      const http::RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    auto answer = database.use(
        [&](store::Database& connection) { return receipt_of(connection, std::get<std::int64_t>(id), 200); });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, answer.value().status, answer.value().body);
}

}  // namespace madoguchi::server::lending
