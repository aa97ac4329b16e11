#include "counter/counter_session.hpp"

#include <algorithm>

#include "lending/scan_code.hpp"

namespace madoguchi::client {

using lending::ScanKind;

ScanVerdict CounterSession::scan(std::string_view raw, WallClock::time_point now) {
    activity(now);
    auto verdict = judge(raw);
    verdict.shown_until = now + verdict_shown;
    verdict_ = verdict;
    return verdict;
}

ScanVerdict CounterSession::judge(std::string_view raw) {
    const auto scanned = lending::classify_scan(raw);
    ScanVerdict verdict;
    verdict.code = scanned.code;
    const auto refuse = [&](const char* key) {
        verdict.accepted = false;
        verdict.message_key = key;
        return verdict;
    };
    const auto accept = [&](const char* key) {
        verdict.accepted = true;
        verdict.message_key = key;
        return verdict;
    };
    if (scanned.kind == ScanKind::invalid) return refuse("counter.unreadable");
    if (screen_ == Screen::start) {
        if (scanned.kind == ScanKind::asset_tag) return refuse("counter.staff_card_first");
        screen_ = Screen::person;
        staff_id_ = scanned.code;
        return accept("counter.staff_read");
    }
    if (scanned.kind == ScanKind::staff_id) {
        if (scanned.code == staff_id_) return accept("counter.same_person");
        return refuse("counter.finish_first");
    }
    if (std::find(tags_.begin(), tags_.end(), scanned.code) != tags_.end()) return refuse("counter.tag_twice");
    tags_.push_back(scanned.code);
    return accept("counter.tag_read");
}

bool CounterSession::update(WallClock::time_point now) {
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
    screen_ = Screen::start;
    staff_id_.clear();
    tags_.clear();
    verdict_.reset();
}

std::optional<ScanVerdict> CounterSession::verdict(WallClock::time_point now) const {
    if (!verdict_ || now >= verdict_->shown_until) return std::nullopt;
    return verdict_;
}

}  // namespace madoguchi::client
