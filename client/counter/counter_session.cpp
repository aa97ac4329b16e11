#include "counter/counter_session.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "api/query_string.hpp"
#include "inventory/device_class.hpp"
#include "lending/return_inspection.hpp"
#include "lending/scan_code.hpp"

namespace madoguchi::client {
namespace {

using lending::ScanKind;
using nlohmann::json;

constexpr const char* counter_path = "/api/v1/lending/counter";

}  // namespace

std::string verdict_text(const ScanVerdict& verdict, i18n::Language language) {
    if (!verdict.message_key.empty() && i18n::has_key(verdict.message_key)) return i18n::text(verdict.message_key, language);
    const auto& fallback = language == i18n::Language::ja ? verdict.fallback_ja : verdict.fallback_en;
    return fallback.empty() ? i18n::text("counter.server_refused", language) : fallback;
}

ApiClient::Callback CounterSession::for_this_visit(std::function<void(const ApiResult&)> done) {
    ++waiting_;
    return [this, visit = visit_, done = std::move(done)](const ApiResult& result) {
        if (visit != visit_) return;
        --waiting_;
        done(result);
    };
}

void CounterSession::show(ScanVerdict verdict) {
    verdict.shown_until = now_ + verdict_shown;
    sounds_.push_back(verdict.accepted);
    verdict_ = std::move(verdict);
}

void CounterSession::refuse_locally(const std::string& code, const char* key) {
    ScanVerdict verdict;
    verdict.code = code;
    verdict.message_key = key;
    show(std::move(verdict));
}

// The server's refusal in its own words; its error code names the catalog text when it has one.
void CounterSession::refuse_with(const std::string& code, const ApiResult& result) {
    ScanVerdict verdict;
    verdict.code = code;
    if (result.kind == ApiResult::Kind::http_error && !result.error.code.empty()) {
        verdict.message_key = "error." + result.error.code;
    }
    verdict.fallback_ja = result.error.message_ja;
    verdict.fallback_en = result.error.message;
    show(std::move(verdict));
}

void CounterSession::scan(ApiClient& api, std::string_view raw, WallClock::time_point now) {
    activity(now);
    const auto scanned = lending::classify_scan(raw);
    // Enter on an empty field (a scanner's extra return, a key held through a slow frame) is
    // no scan: it must not sound a refusal the operator cannot place.
    if (scanned.code.empty()) return;
    if (scanned.kind == ScanKind::invalid) return refuse_locally(scanned.code, "counter.unreadable");
    if (busy()) return refuse_locally(scanned.code, "counter.wait");
    if (screen_ == Screen::start) {
        if (scanned.kind == ScanKind::asset_tag) return refuse_locally(scanned.code, "counter.staff_card_first");
        return look_up_person(api, scanned.code);
    }
    if (scanned.kind == ScanKind::staff_id) {
        if (scanned.code != card_) return refuse_locally(scanned.code, "counter.finish_first");
        ScanVerdict same{true, "counter.same_person", scanned.code, {}, {}, {}};
        return show(std::move(same));
    }
    if (inspection_) return refuse_locally(scanned.code, "counter.inspect_first");
    const bool in_basket = std::any_of(basket_.begin(), basket_.end(), [&](const BasketItem& item) { return item.asset_tag == scanned.code; });
    if (in_basket) return refuse_locally(scanned.code, "counter.tag_twice");
    judge_tag(api, scanned.code);
}

void CounterSession::look_up_person(ApiClient& api, const std::string& card) {
    api.get(std::string(counter_path) + "/people/" + percent_encode(card), for_this_visit([this, card](const ApiResult& result) {
        auto person = result.ok() ? counter_person_from_body(result.body) : std::nullopt;
        if (!person) return refuse_with(card, result);
        // A reload during the visit keeps the screen; the first answer opens it.
        const bool first = screen_ == Screen::start;
        screen_ = Screen::person;
        card_ = card;
        person_ = std::move(person);
        if (first) show({true, "counter.staff_read", card, {}, {}, {}});
    }));
}

// A tag the person has out is a return; any other is asked about as a handover, and the
// server says why it may not go out when it may not.
void CounterSession::judge_tag(ApiClient& api, const std::string& tag) {
    const bool out = person_ && std::any_of(person_->loans.begin(), person_->loans.end(),
                                            [&](const LoanOut& loan) { return loan.asset_tag == tag; });
    json scanned = json::array();
    for (const auto& item : basket_) scanned.push_back(item.asset_tag);
    const json body{{"card", card_}, {"tag", tag}, {"mode", out ? "return" : "handover"}, {"scanned", scanned}};
    HttpRequest request{"POST", std::string(counter_path) + "/scan", body.dump(), {}};
    api.send(std::move(request), for_this_visit([this, tag, out](const ApiResult& result) {
        const auto verdict = result.ok() ? tag_verdict_from_body(result.body) : std::nullopt;
        if (!verdict) return refuse_with(tag, result);
        if (!verdict->accepted) return show({false, verdict->reason_key, tag, {}, {}, {}});
        if (out) {
            open_inspection(*verdict);
            return show({true, "counter.tag_for_return", tag, {}, {}, {}});
        }
        basket_.push_back({tag, verdict->request_id, verdict->request_number});
        show({true, "counter.tag_for_handover", tag, {}, {}, {}});
    }));
}

// What went out with the loan, as the server counts it for the inspection: the verdict lists
// the class's standard accessories, the device's own and the request's.
void CounterSession::open_inspection(const TagVerdict& verdict) {
    ReturnInspection inspection;
    inspection.asset_tag = verdict.asset_tag;
    inspection.class_code = verdict.class_code;
    inspection.request_id = verdict.request_id;
    inspection.request_number = verdict.request_number;
    inspection.accessories = verdict.accessories;
    inspection.missing.assign(inspection.accessories.size(), false);
    inspection_ = std::move(inspection);
}

void CounterSession::hand_over(ApiClient& api, WallClock::time_point now) {
    activity(now);
    if (basket_.empty() || busy()) return;
    if (counter_ == 0) return refuse_locally({}, "counter.no_counter");
    send_handover(api, 0);
}

// One loan request's tags from the basket, starting at `first`; the next request's follow.
void CounterSession::send_handover(ApiClient& api, std::size_t first) {
    const auto request_id = basket_[first].request_id;
    json tags = json::array();
    for (const auto& item : basket_) {
        if (item.request_id == request_id) tags.push_back(item.asset_tag);
    }
    std::int64_t version = 0;
    if (person_) {
        for (const auto& loan : person_->ready) {
            if (loan.request_id == request_id) version = loan.version;
        }
    }
    const json body{{"card", card_}, {"request_id", request_id}, {"tags", tags}, {"counter_location_id", counter_}, {"version", version}};
    HttpRequest request{"POST", std::string(counter_path) + "/handovers", body.dump(), {}};
    api.send(std::move(request), for_this_visit([this, &api, request_id](const ApiResult& result) {
        const auto receipt = result.ok() ? handover_receipt_from_body(result.body) : std::nullopt;
        if (!receipt) {
            // Another counter may have handed the same device over, or the loan changed since
            // it was read: nothing went out; the basket empties and the loans are read afresh.
            basket_.clear();
            if (result.status == 409) {
                show({false, "counter.handover_conflict", {}, {}, {}, {}});
            } else {
                refuse_with({}, result);
            }
            return look_up_person(api, card_);
        }
        receipts_.push_back(*receipt);
        std::erase_if(basket_, [&](const BasketItem& item) { return item.request_id == request_id; });
        if (!basket_.empty()) return send_handover(api, 0);
        show({true, "counter.handed_over", {}, {}, {}, {}});
        look_up_person(api, card_);
    }));
}

std::string CounterSession::inspection_problem() const {
    if (!inspection_) return {};
    const auto& inspection = *inspection_;
    const bool any_missing = std::find(inspection.missing.begin(), inspection.missing.end(), true) != inspection.missing.end();
    if (inspection.choice == ReturnInspection::Choice::missing_accessory && !any_missing) return "counter.pick_missing";
    const auto* device_class = inventory::find_device_class(inspection.class_code);
    if (!device_class) return {};
    lending::InspectionFindings findings;
    findings.damaged = inspection.choice == ReturnInspection::Choice::damaged;
    findings.damage_description = inspection.note;
    lending::ReturnedDevice device{*device_class, inspection.asset_tag, inventory::AssetState::on_loan, inspection.accessories, {}};
    const auto inspected = lending::inspect_return(device, findings);
    if (const auto* problems = std::get_if<std::vector<validation::FieldProblem>>(&inspected)) {
        for (const auto& problem : *problems) {
            if (problem.field == "damage_description") return "counter.describe_damage";
        }
        return problems->empty() ? std::string() : problems->front().reason_key;
    }
    return {};
}

void CounterSession::confirm_return(ApiClient& api, WallClock::time_point now) {
    activity(now);
    if (!inspection_ || busy() || !inspection_problem().empty()) return;
    if (counter_ == 0) return refuse_locally({}, "counter.no_counter");
    const auto& inspection = *inspection_;
    json missing = json::array();
    if (inspection.choice != ReturnInspection::Choice::ok) {
        for (std::size_t index = 0; index < inspection.accessories.size(); ++index) {
            if (inspection.missing[index]) missing.push_back(inspection.accessories[index]);
        }
    }
    json findings{{"damaged", inspection.choice == ReturnInspection::Choice::damaged}, {"missing_accessories", missing}};
    if (inspection.choice == ReturnInspection::Choice::damaged) findings["damage_description"] = inspection.note;
    const json body{{"tag", inspection.asset_tag}, {"card", card_}, {"counter_location_id", counter_}, {"findings", findings}};
    HttpRequest request{"POST", std::string(counter_path) + "/returns", body.dump(), {}};
    api.send(std::move(request), for_this_visit([this, &api, tag = inspection.asset_tag](const ApiResult& result) {
        const auto receipt = result.ok() ? return_receipt_from_body(result.body) : std::nullopt;
        if (!receipt) {
            // Refused findings stay on screen to be corrected; a device no longer out closes them.
            if (result.status != 422) inspection_.reset();
            refuse_with(tag, result);
            if (result.status == 409) look_up_person(api, card_);
            return;
        }
        inspection_.reset();
        returns_.push_back(*receipt);
        show({true, "counter.returned", tag, {}, {}, {}});
        look_up_person(api, card_);
    }));
}

void CounterSession::activity(WallClock::time_point now) {
    last_activity_ = now;
    now_ = std::max(now_, now);
}

bool CounterSession::update(WallClock::time_point now) {
    now_ = std::max(now_, now);
    if (screen_ == Screen::start || now - last_activity_ < idle_) return false;
    finish();
    return true;
}

std::optional<int> CounterSession::reset_countdown(WallClock::time_point now) const {
    if (screen_ == Screen::start) return std::nullopt;
    const auto left = std::chrono::ceil<std::chrono::seconds>(last_activity_ + idle_ - now).count();
    if (left > warning_seconds) return std::nullopt;
    return static_cast<int>(std::max<std::int64_t>(left, 0));
}

void CounterSession::finish() {
    ++visit_;
    waiting_ = 0;
    screen_ = Screen::start;
    card_.clear();
    person_.reset();
    basket_.clear();
    receipts_.clear();
    inspection_.reset();
    returns_.clear();
    verdict_.reset();
}

std::optional<ScanVerdict> CounterSession::verdict(WallClock::time_point now) const {
    if (!verdict_ || now >= verdict_->shown_until) return std::nullopt;
    return verdict_;
}

std::vector<bool> CounterSession::take_sounds() {
    std::vector<bool> taken;
    taken.swap(sounds_);
    return taken;
}

}  // namespace madoguchi::client
