#include "placement/placement_submit.hpp"

#include <algorithm>

#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "inventory/device_store.hpp"
#include "placement/placement_access.hpp"
#include "placement/placement_answers.hpp"
#include "placement/placement_store.hpp"

namespace madoguchi::server::placement {
namespace {

namespace domain = madoguchi::placement;
using http::Reply;
using validation::FieldProblem;

struct Submission {
    RequestFields fields;
    std::vector<FieldProblem> problems;  // shape and domain problems, 422
};

// Either a 400 for a body of the wrong shape, or the fields with their problems.
std::variant<Submission, http::BodyRefusal> read_submission(const nlohmann::json& object) {
    http::BodyReader reader(object, {"kind", "class", "model_id", "device_id", "location_id", "division_code",
                                     "desired_date", "reason"});
    const auto kind = reader.string("kind");
    Submission submission;
    auto& f = submission.fields;
    f.class_code = reader.optional_string("class").value_or("");
    f.model_id = reader.optional_integer("model_id").value_or(0);
    f.device_id = reader.optional_integer("device_id").value_or(0);
    f.location_id = reader.optional_integer("location_id").value_or(0);
    f.division_code = reader.optional_string("division_code").value_or("");
    const auto date = reader.optional_string("desired_date");
    f.reason = reader.string("reason");
    if (auto refused = reader.refusal()) return *refused;
    const auto parsed_kind = domain::parse_kind(kind);
    if (!parsed_kind) {
        submission.problems.push_back({"kind", "field.unknown_kind"});
        return submission;
    }
    f.kind = *parsed_kind;
    if (date && !date->empty()) {
        f.desired_date = calendar::parse_date(*date);
        if (!f.desired_date) submission.problems.push_back({"desired_date", "field.invalid_date"});
    }
    for (auto& problem : domain::validate(f, calendar::to_tokyo(calendar::now()).date)) {
        const bool known = std::any_of(submission.problems.begin(), submission.problems.end(),
                                       [&](const FieldProblem& p) { return p.field == problem.field; });
        if (!known) submission.problems.push_back(std::move(problem));
    }
    return submission;
}

// The stored facts a request must agree with: the device is an installed MFP or floor
// printer without another open request, the model, place and division exist, and a manager
// asks only for the own division. Fills in the class (and a removal's division) from the device.
store::Result<std::vector<FieldProblem>> check_stored(store::Database& database, const identity::Principal& principal,
                                                      RequestFields& f) {
    std::vector<FieldProblem> problems;
    const bool desk = is_desk(principal);
    const auto& own_division = principal.user.fields.division_code;
    if (f.kind != RequestKind::install) {
        auto device = inventory::find_device(database, f.device_id);
        if (!device) return store::Error{device.error()};
        const auto& found = device.value();
        const bool usable = found && found->asset.state == madoguchi::inventory::AssetState::installed &&
                            domain::is_placement_class(found->asset.fields.class_code) &&
                            (desk || found->asset.fields.division_code == own_division);
        if (!usable) return std::vector<FieldProblem>{{"device_id", "field.device_not_installed"}};
        f.class_code = found->asset.fields.class_code;
        if (f.kind == RequestKind::remove) {
            f.division_code = found->asset.fields.division_code;
            f.location_id = 0;
        } else if (f.location_id == found->asset.fields.location_id) {
            problems.push_back({"location_id", "field.same_location"});
        }
        auto open = has_open_request(database, f.device_id);
        if (!open) return store::Error{open.error()};
        if (open.value()) problems.push_back({"device_id", "field.request_open"});
    } else {
        f.device_id = 0;
    }
    madoguchi::inventory::AssetFields references;
    references.class_code = f.class_code;
    references.model_id = f.kind == RequestKind::install ? f.model_id : 0;
    references.location_id = f.location_id;
    references.division_code = f.division_code;
    auto missing = inventory::check_references(database, references);
    if (!missing) return store::Error{missing.error()};
    for (auto& problem : missing.value()) problems.push_back(std::move(problem));
    const bool division_named = std::any_of(problems.begin(), problems.end(),
                                            [](const FieldProblem& p) { return p.field == "division_code"; });
    if (!desk && !division_named && f.division_code != own_division) {
        problems.push_back({"division_code", "field.not_own_division"});
    }
    return problems;
}

}  // namespace

void submit_request(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    auto read = read_submission(*object);
    if (const auto* refused = std::get_if<http::BodyRefusal>(&read)) {
        return http::send_error(response, refused->status, refused->error);
    }
    auto submission = std::get<Submission>(std::move(read));
    if (!submission.problems.empty()) return http::send_error(response, 422, api::validation_error(submission.problems));
    const auto& principal = *context.principal;
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto fields = submission.fields;
        auto problems = check_stored(connection, principal, fields);
        if (!problems) return store::Error{problems.error()};
        if (!problems.value().empty()) return http::refusal(422, api::validation_error(problems.value()));
        const auto now = calendar::now();
        auto id = insert_request(connection, {fields, principal.user.fields.login, principal.user.fields.division_code}, now);
        if (!id) return store::Error{id.error()};
        auto stored = find_request(connection, id.value());
        if (!stored) return store::Error{stored.error()};
        if (!stored.value()) return store::Error{"request " + std::to_string(id.value()) + " cannot be read back"};
        const auto& created = *stored.value();
        const RequestEvent event{principal.user.fields.login, "submitted", RequestState::submitted, "", ""};
        if (auto added = add_event(connection, id.value(), event, now); !added) return store::Error{added.error()};
        const audit::AuditEntry entry{identity::actor_of(context), "placement.submitted", "placement_request",
                                      std::to_string(id.value()), std::nullopt, to_json(created)};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        auto answer = request_answer(connection, principal, created);
        if (!answer) return store::Error{answer.error()};
        return Reply{201, answer.value()};
    });
}

}  // namespace madoguchi::server::placement
