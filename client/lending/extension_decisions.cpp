#include "lending/extension_decisions.hpp"

#include <algorithm>
#include <utility>

#include "api/form_errors.hpp"

namespace madoguchi::client {

void ExtensionDecisions::open(ApiClient& api, std::int64_t request_id) {
    if (request_id_ != request_id) {
        reason.clear();
        reason_missing_ = false;
        decision_error_ = {};
        extensions_.clear();
    }
    request_id_ = request_id;
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/lending/requests/" + std::to_string(request_id) + "/extensions",
            [this, generation = generation_](const ApiResult& result) {
                if (generation == generation_) accept(result);
            });
}

void ExtensionDecisions::accept(const ApiResult& result) {
    auto read = result.ok() ? extensions_from_body(result.body) : std::nullopt;
    if (!read) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    extensions_ = std::move(*read);
    error_ = {};
    state_ = State::loaded;
}

void ExtensionDecisions::close() {
    ++generation_;
    request_id_.reset();
    state_ = State::closed;
    extensions_.clear();
    reason.clear();
    reason_missing_ = false;
    decision_error_ = {};
}

const ExtensionRecord* ExtensionDecisions::pending() const {
    const auto found = std::find_if(extensions_.begin(), extensions_.end(), [](const auto& e) { return e.pending(); });
    return found == extensions_.end() ? nullptr : &*found;
}

bool ExtensionDecisions::decide(ApiClient& api, Decision decision) {
    const auto* extension = pending();
    if (extension == nullptr || deciding_) return false;
    decision_error_ = {};
    reason_missing_ = decision == Decision::reject && reason.find_first_not_of(" \t\n　") == std::string::npos;
    if (reason_missing_) return false;
    deciding_ = true;
    api.send(extension_decision(*extension, decision == Decision::approve, reason),
             [this, &api, generation = generation_](const ApiResult& result) {
                 deciding_ = false;
                 if (generation != generation_) return;
                 if (result.ok()) {
                     const auto body = nlohmann::json::parse(result.body, nullptr, false);
                     if (body.is_object()) decided_ = extension_from_json(body.value("extension", nlohmann::json()));
                     reason.clear();
                 } else {
                     decision_error_ = result.error;
                 }
                 // Either way the list shows what the server now holds (a 409: decided meanwhile).
                 if (request_id_) open(api, *request_id_);
             });
    return true;
}

std::string ExtensionDecisions::decision_error(i18n::Language language) const {
    if (reason_missing_) return i18n::text("lending_client.queue.reason_required", language);
    return decision_error_.code.empty() ? std::string() : error_text(decision_error_, language);
}

std::optional<ExtensionRecord> ExtensionDecisions::take_decided() { return std::exchange(decided_, std::nullopt); }

}  // namespace madoguchi::client
