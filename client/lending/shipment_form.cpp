#include "lending/shipment_form.hpp"

#include <algorithm>
#include <iterator>
#include <memory>

#include <nlohmann/json.hpp>

#include "lending/shipment.hpp"

namespace madoguchi::client {

void ShipmentForm::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    // Both lists are needed before the choice can be offered: the second answer settles it.
    auto approved = std::make_shared<std::optional<ApiResult>>();
    auto on_loan = std::make_shared<std::optional<ApiResult>>();
    const auto settle = [this, approved, on_loan, generation = generation_] {
        if (generation == generation_ && *approved && *on_loan) accept(**approved, **on_loan);
    };
    api.get("/api/v1/lending/requests?state=approved", [approved, settle](const ApiResult& result) {
        *approved = result;
        settle();
    });
    api.get("/api/v1/lending/requests?state=on_loan", [on_loan, settle](const ApiResult& result) {
        *on_loan = result;
        settle();
    });
}

void ShipmentForm::accept(const ApiResult& approved, const ApiResult& on_loan) {
    std::vector<LoanRequestRecord> found;
    for (const auto* result : {&approved, &on_loan}) {
        auto requests = result->ok() ? requests_from_body(result->body) : std::nullopt;
        if (!requests) {
            error_ = result->ok() ? api::make_error("internal") : result->error;
            state_ = State::failed;
            return;
        }
        std::copy_if(requests->begin(), requests->end(), std::back_inserter(found),
                     [](const LoanRequestRecord& request) { return request.delivery == "shipping"; });
    }
    candidates_ = std::move(found);
    if (chosen_ && chosen() == nullptr) chosen_.reset();
    error_ = {};
    state_ = State::loaded;
}

void ShipmentForm::choose(std::int64_t request_id, const calendar::Date& today) {
    chosen_ = request_id;
    const auto* request = chosen();
    if (request == nullptr) {
        chosen_.reset();
        return;
    }
    ticked.assign(request->devices.size(), 1);
    if (!sent_date.value()) sent_date.set(today);
    errors_.clear();
}

const LoanRequestRecord* ShipmentForm::chosen() const {
    if (!chosen_) return nullptr;
    const auto found = std::find_if(candidates_.begin(), candidates_.end(),
                                    [&](const LoanRequestRecord& request) { return request.id == *chosen_; });
    return found == candidates_.end() ? nullptr : &*found;
}

std::string ShipmentForm::direction() const {
    const auto* request = chosen();
    if (request == nullptr) return {};
    return request->state == lending::RequestState::on_loan ? "return" : "outbound";
}

std::vector<std::string> ShipmentForm::tags() const {
    std::vector<std::string> result;
    const auto* request = chosen();
    if (request == nullptr) return result;
    for (std::size_t i = 0; i < request->devices.size() && i < ticked.size(); ++i) {
        if (ticked[i] != 0) result.push_back(request->devices[i].asset_tag);
    }
    return result;
}

bool ShipmentForm::submit(ApiClient& api, const calendar::Date& today) {
    if (submitting_) return false;
    errors_.clear();
    const auto* request = chosen();
    if (request == nullptr) {
        errors_.add_local("request_id", "field.required");
        return false;
    }
    const lending::ShipmentDraft draft{direction(), tags(), carrier, tracking_number,
                                       sent_date.value() ? calendar::format_date(*sent_date.value()) : std::string()};
    for (const auto& problem : lending::validate(draft, today)) errors_.add_local(problem.field, problem.reason_key);
    if (!errors_.empty()) return false;
    submitting_ = true;
    const nlohmann::json body{{"direction", draft.direction}, {"request_id", request->id}, {"tags", draft.tags},
                              {"carrier", draft.carrier},     {"tracking_number", draft.tracking_number},
                              {"sent_date", draft.sent_date}};
    const auto number = request->number;
    api.send({"POST", "/api/v1/lending/shipments", body.dump(), {}}, [this, &api, number](const ApiResult& result) {
        submitting_ = false;
        if (!result.ok()) {
            errors_.add_result(result);
            return;
        }
        created_ = number;
        chosen_.reset();
        ticked.clear();
        carrier.clear();
        tracking_number.clear();
        load(api);
    });
    return true;
}

}  // namespace madoguchi::client
