#pragma once
// キッティング作業 for the desk:
//   GET    /api/v1/lending/kitting-tasks?state=open|done|cancelled   oldest first
//   GET    /api/v1/lending/kitting-tasks/{id}
//   POST   /api/v1/lending/kitting-tasks/{id}/ticks {key, version, master_image_version?, note?}
//   DELETE /api/v1/lending/kitting-tasks/{id}/ticks/{key}?version=N   (a step found wrong)
// A tick the checklist refuses (shared/lending/kitting_checklist.hpp) is 409 kitting_refused
// (already done, not done, the master applied is not the class's current one) or 422
// (unknown item, master version missing, a bad note), naming the field with the refusal's
// catalog key; a stale version is 409 stale_version with the task as it is; a finished or
// cancelled task is 409 kitting_task_closed. Each change is audited. The task is done once
// kitting_complete(): the device is then ready for its loan; a re-kitting's device leaves
// kitting for in stock (reserved when a later loan already holds it).
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void list_kitting(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const http::RequestContext& context);
void kitting_detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context);
void tick(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const http::RequestContext& context);
void untick(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const http::RequestContext& context);

}  // namespace madoguchi::server::lending
