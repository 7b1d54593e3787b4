#!/usr/bin/env python3
"""Replays the example application's model evolution, one stage at a time.

The customer-support example's committed history (migrations/) was produced by
the structmig tool itself: for each stage below this script writes the models
as they were at that point, and the build (migrations_autogen) generates the
migration. Running it again on an empty migrations/ directory regenerates the
same history, byte for byte, which is how the history is rebuilt after a change
to the migration file format (there is no deployed database to keep).

    scripts/example-history.py BUILD_DIR     # build dir configured without check mode
"""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MODELS = os.path.join(ROOT, "models")
MIGRATIONS = os.path.join(ROOT, "migrations")

HEADER = """// {what}
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <structmig/model.hpp>

namespace support {{
{body}
}}  // namespace support
"""


def users(stage):
    name = "full_name" if stage >= 10 else "display_name"
    renamed = ", renamed_from(display_name)" if stage >= 10 else ""
    org = ""
    if stage >= 4:
        org = ("  STRUCTMIG_COLUMN(references(organizations.id, on_delete = set_null), index)\n"
               "  std::optional<std::int64_t> organization_id;\n")
    return f"""
struct STRUCTMIG_TABLE(users, comment("Customers and the agents who answer them")) User {{
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(unique) std::string email;
  STRUCTMIG_COLUMN(varchar(120){renamed}) std::string {name};
  STRUCTMIG_COLUMN(default("false")) structmig::defaulted<bool> is_agent;
{org}  STRUCTMIG_COLUMN(default("now()")) structmig::timestamp created_at;
}};
"""


def tickets(stage):
    table_args = ", index(created_at, where = \"status = 'open'\")" if stage >= 8 else ""
    priority = ("  STRUCTMIG_COLUMN(varchar(20), default(\"'normal'\")) std::string priority;\n"
                if stage >= 2 else "")
    return f"""
struct STRUCTMIG_TABLE(tickets, index(user_id, status){table_args}) Ticket {{
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.id, on_delete = cascade)) std::int64_t user_id;
  STRUCTMIG_COLUMN(varchar(200)) std::string title;
  std::optional<std::string> description;
  STRUCTMIG_COLUMN(varchar(20), default("'open'")) structmig::defaulted<std::string> status;
  STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> created_at;
{priority}}};
"""


def ratings():
    return """
struct STRUCTMIG_TABLE(satisfaction_ratings, comment("How a customer rated a solved ticket"))
    SatisfactionRating {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(references(tickets.id, on_delete = cascade), unique) std::int64_t ticket_id;
  STRUCTMIG_COLUMN(check("rating BETWEEN 1 AND 5")) std::int16_t rating;
  std::optional<std::string> remark;
  STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> created_at;
};
"""


def organizations():
    return """
struct STRUCTMIG_TABLE(organizations, comment("Companies whose people open tickets")) Organization {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(varchar(120), unique) std::string name;
  STRUCTMIG_COLUMN(default("0")) structmig::defaulted<structmig::numeric<10, 2>> monthly_fee;
  std::optional<structmig::date> contract_start;
  STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> created_at;
};
"""


def documents(stage):
    review = "  in_review STRUCTMIG_LABEL(\"in review\"),\n" if stage >= 9 else ""
    return f"""
/// Where a knowledge-base article stands.
enum class STRUCTMIG_ENUM(document_status) DocumentStatus {{
  draft,
{review}  published,
}};

struct STRUCTMIG_TABLE(documents, comment("Knowledge-base articles")) Document {{
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(references(organizations.id, on_delete = cascade)) std::int64_t organization_id;
  std::string title;
  std::string body;
  STRUCTMIG_COLUMN(default("'draft'")) structmig::defaulted<DocumentStatus> status;
  STRUCTMIG_COLUMN(default("'{{}}'"), index(using = gin)) structmig::defaulted<structmig::jsonb> metadata;
  STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> updated_at;
}};
"""


def webhooks():
    return """
struct STRUCTMIG_TABLE(webhooks, comment("Where ticket events are delivered")) Webhook {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(default("gen_random_uuid()"), unique) structmig::defaulted<structmig::uuid> public_id;
  STRUCTMIG_COLUMN(references(organizations.id, on_delete = cascade)) std::int64_t organization_id;
  STRUCTMIG_COLUMN(check("url LIKE 'https://%'")) std::string url;
  STRUCTMIG_COLUMN(default("'{}'")) structmig::defaulted<std::vector<std::string>> events;
  std::optional<structmig::bytea> signing_secret;
  STRUCTMIG_COLUMN(default("true")) structmig::defaulted<bool> active;
};
"""


def preferences():
    return """
struct STRUCTMIG_TABLE(user_preferences, unique(user_id, key)) UserPreference {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.id, on_delete = cascade)) std::int64_t user_id;
  STRUCTMIG_COLUMN(varchar(64)) std::string key;
  structmig::jsonb value;
};
"""


# stage → (message, {file: (description, body)})
def models_at(stage):
    files = {
        "user.hpp": ("The people who open support tickets and the agents who answer them.",
                     users(stage)),
        "ticket.hpp": ("A customer-support ticket: what a user asked for and where it stands.",
                       tickets(stage)),
    }
    if stage >= 3:
        files["satisfaction_rating.hpp"] = ("A customer's rating of how a ticket was handled.",
                                            ratings())
    if stage >= 4:
        files["organization.hpp"] = ("The companies support users belong to.", organizations())
    if stage >= 5:
        files["document.hpp"] = ("Knowledge-base articles and their publication status.",
                                 documents(stage))
    if stage >= 6:
        files["webhook.hpp"] = ("Outgoing webhooks for ticket events.", webhooks())
    if stage >= 7:
        files["user_preference.hpp"] = ("Per-user settings, one value per key.", preferences())
    return files


MESSAGES = {
    1: "initial users and tickets",
    2: "",  # derived from the change: add tickets priority
    3: "satisfaction ratings",
    4: "organizations",
    5: "knowledge base documents",
    6: "webhooks",
    7: "user preferences",
    8: "partial index on open tickets",
    9: "document review status",
    10: "rename users display name",
}


def write_models(stage):
    for name in os.listdir(MODELS):
        if name.endswith(".hpp"):
            os.remove(os.path.join(MODELS, name))
    for name, (what, body) in models_at(stage).items():
        with open(os.path.join(MODELS, name), "w") as f:
            f.write(HEADER.format(what=what, body=body))


def main():
    build = sys.argv[1]
    shutil.rmtree(MIGRATIONS, ignore_errors=True)
    os.makedirs(MIGRATIONS)
    for stage in sorted(MESSAGES):
        write_models(stage)
        env = dict(os.environ, STRUCTMIG_MESSAGE=MESSAGES[stage])
        subprocess.run(["cmake", "-S", ROOT, "-B", build], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", build, "--target", "migrations_autogen"], check=True,
                       env=env)


if __name__ == "__main__":
    main()
