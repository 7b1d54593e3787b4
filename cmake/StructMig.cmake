# structmig_add_migrations(): generate migrations from annotated model headers
# during the build, compile them into a library, and optionally build a
# migrate command line for them.
#
#   structmig_add_migrations(
#     MODELS       models/ticket.hpp models/user.hpp
#     MODEL_TARGET app                 # include dirs / definitions to parse with
#     DIRECTORY    ${CMAKE_CURRENT_SOURCE_DIR}/migrations
#     LIBRARY      app_migrations      # the compiled migrations
#     CLI          app_migrate         # optional migrate executable
#     MESSAGE      "add priority")     # optional message for the next migration
#
# It creates the target `migrations_autogen`, which runs the structmig tool
# only when a model header, anything it includes, the snapshot, the
# migrations directory or a migration file changed (a DEPFILE written by the
# tool), so a no-op build does not start it. The tool writes a generated index
# into the build directory that includes every migration file, each after
# defining STRUCTMIG_CURRENT_CHECKSUM as the file's checksum, so a migration
# written during this build is compiled in this same build without re-running
# CMake, and an edited migration is recompiled with its new checksum.
#
# From the models the tool also writes (in check mode too):
#   ${gen}/include/<LIBRARY>/models.hpp  the row-mapping metadata (model_traits,
#       enum_traits; structmig/orm_traits.hpp). LIBRARY has that include
#       directory PUBLIC, so the application writes
#       #include <app_migrations/models.hpp> and uses structmig::insert / find;
#       where it is included, metadata older than its model does not compile
#       ("the generated metadata for … is stale").
#   ${gen}/compiled_schema.cpp  structmig::compiled_schema() (structmig/drift.hpp),
#       compiled into LIBRARY. It includes only structmig/drift.hpp, not the
#       models. The CLI is built with STRUCTMIG_HAS_COMPILED_SCHEMA, so
#       `<CLI> check` compares a live database with the models.
# Each of these, the index and the depfile is written only when its content
# changed: a model header touched or reformatted without a schema change
# leaves them untouched ("no file written"), so with Ninja (custom commands
# restat their outputs) nothing after the tool is rebuilt and the next build
# has no work. Make has no restat: it runs the tool again on each build until
# an output is written again; the tool then writes nothing and nothing
# recompiles.
# LIBRARY gets MODEL_TARGET's include directories and definitions (PRIVATE for
# an executable, else by linking MODEL_TARGET PUBLIC): what includes
# models.hpp includes the model headers, and the migrations may include the
# application's headers.
#
# Before it generates anything the tool reads every migration file and checks
# the history: after branches with migrations are merged in git it has several
# heads, and the build fails naming them until they are joined:
#
#   cmake --build build --target migrations_merge
#       (structmig merge) writes a merge migration whose parents are all
#       heads and rewrites the snapshot from the models. Message: the
#       environment variable STRUCTMIG_MESSAGE, else "merge <heads>".
#   STRUCTMIG_MESSAGE="backfill priorities" cmake --build build --target migrations_revision
#       (structmig revision) writes an empty migration on the head to fill in
#       by hand (data migrations, raw SQL); STRUCTMIG_NON_TRANSACTIONAL=1 makes
#       it run outside a transaction. Only the snapshot's head changes.
#
# Neither is part of ALL; both write into DIRECTORY and use the same models and
# compiler flags as migrations_autogen.
#
# With -DSTRUCTMIG_CHECK=ON (CI) the tool writes nothing in the source tree and
# fails the build when the models differ from migrations/schema.snapshot.json
# or the history has several heads.
include_guard(GLOBAL)

set(STRUCTMIG_CHECK "${STRUCTMIG_CHECK}" CACHE BOOL
    "structmig check mode (CI): write no migration, fail the build on schema drift")

# Where the migrate command line's main() lives: set by the package config for
# an installed structmig, the source tree otherwise. Kept in a global property:
# with add_subdirectory(structmig) or FetchContent this file is included in
# structmig's own directory scope, and a variable set here would not be seen
# by structmig_add_migrations() called from the consumer's directories.
if(NOT DEFINED STRUCTMIG_CLI_MAIN)
  set(STRUCTMIG_CLI_MAIN "${CMAKE_CURRENT_LIST_DIR}/../runtime/cli/main.cpp")
endif()
get_filename_component(STRUCTMIG_CLI_MAIN "${STRUCTMIG_CLI_MAIN}" ABSOLUTE)
set_property(GLOBAL PROPERTY STRUCTMIG_CLI_MAIN "${STRUCTMIG_CLI_MAIN}")

# The real name behind a possibly aliased target (custom commands want it).
function(_structmig_real_target out name)
  get_target_property(aliased ${name} ALIASED_TARGET)
  if(aliased)
    set(${out} ${aliased} PARENT_SCOPE)
  else()
    set(${out} ${name} PARENT_SCOPE)
  endif()
endfunction()

function(structmig_add_migrations)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "MODEL_TARGET;DIRECTORY;LIBRARY;CLI;MESSAGE" "MODELS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "structmig_add_migrations: unexpected arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required MODELS DIRECTORY LIBRARY)
    if(NOT ARG_${required})
      message(FATAL_ERROR "structmig_add_migrations: ${required} is required")
    endif()
  endforeach()
  if(TARGET migrations_autogen)
    message(FATAL_ERROR "structmig_add_migrations: called twice; it creates the single target "
                        "migrations_autogen, so one project has one migration history")
  endif()
  foreach(t structmig::structmig structmig::runtime structmig::cli)
    if(NOT TARGET ${t})
      message(FATAL_ERROR "structmig_add_migrations: target ${t} is missing; "
                          "use find_package(structmig) or add_subdirectory(structmig) first")
    endif()
  endforeach()
  if(ARG_MODEL_TARGET AND NOT TARGET ${ARG_MODEL_TARGET})
    message(FATAL_ERROR "structmig_add_migrations: MODEL_TARGET ${ARG_MODEL_TARGET} is not a target")
  endif()

  get_filename_component(dir "${ARG_DIRECTORY}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  file(MAKE_DIRECTORY "${dir}")
  set(models)
  foreach(m IN LISTS ARG_MODELS)
    get_filename_component(abs "${m}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${abs}")
      message(FATAL_ERROR "structmig_add_migrations: model header ${abs} does not exist")
    endif()
    list(APPEND models "${abs}")
  endforeach()

  set(gen "${CMAKE_CURRENT_BINARY_DIR}/structmig_${ARG_LIBRARY}")
  set(index "${gen}/migrations_index.cpp")
  set(metadata_dir "${gen}/include")
  set(metadata_header "${metadata_dir}/${ARG_LIBRARY}/models.hpp")
  set(schema_source "${gen}/compiled_schema.cpp")
  set(depfile "${gen}/models.d")
  set(flags_file "${gen}/model_flags.txt")

  # The model target's include directories and definitions reach the tool
  # through a response file, evaluated at generation time (transitively).
  _structmig_real_target(runtime structmig::runtime)
  set(inc "$<TARGET_PROPERTY:${runtime},INTERFACE_INCLUDE_DIRECTORIES>")
  set(defs "")
  if(ARG_MODEL_TARGET)
    _structmig_real_target(model_target ${ARG_MODEL_TARGET})
    get_target_property(type ${model_target} TYPE)
    if(type STREQUAL "INTERFACE_LIBRARY")
      set(prefix INTERFACE_)
    else()
      set(prefix "")
    endif()
    set(inc "$<TARGET_PROPERTY:${model_target},${prefix}INCLUDE_DIRECTORIES>;${inc}")
    set(defs "$<TARGET_PROPERTY:${model_target},${prefix}COMPILE_DEFINITIONS>")
  endif()
  set(inc "$<REMOVE_DUPLICATES:$<FILTER:${inc},EXCLUDE,^$>>")
  set(defs "$<FILTER:${defs},EXCLUDE,^$>")
  file(GENERATE OUTPUT "${flags_file}" CONTENT
    "$<$<BOOL:${inc}>:-I$<JOIN:${inc},\n-I>\n>$<$<BOOL:${defs}>:-D$<JOIN:${defs},\n-D>\n>")

  _structmig_real_target(tool structmig::structmig)
  set(mode_args)
  if(STRUCTMIG_CHECK)
    list(APPEND mode_args --check)
  endif()
  if(ARG_MESSAGE)
    list(APPEND mode_args --message "${ARG_MESSAGE}")
  endif()

  add_custom_command(
    OUTPUT "${index}" "${metadata_header}" "${schema_source}"
    COMMAND ${tool} --migrations "${dir}" --index "${index}" --depfile "${depfile}"
            --metadata-header "${metadata_header}" --schema-source "${schema_source}"
            --flags-file "${flags_file}" ${mode_args} ${models}
    DEPENDS ${tool} ${models} "${flags_file}"
    DEPFILE "${depfile}"
    COMMENT "structmig: reading the models, generating migrations"
    VERBATIM)
  add_custom_target(migrations_autogen DEPENDS "${index}" "${metadata_header}" "${schema_source}")

  # By hand only (not in ALL). The messages come from the environment at build
  # time (STRUCTMIG_MESSAGE, STRUCTMIG_NON_TRANSACTIONAL), which the tool reads.
  add_custom_target(migrations_merge
    COMMAND ${tool} merge --migrations "${dir}" --flags-file "${flags_file}" ${models}
    COMMENT "structmig: joining the heads of the migration history"
    VERBATIM USES_TERMINAL)
  add_custom_target(migrations_revision
    COMMAND ${tool} revision --migrations "${dir}"
    COMMENT "structmig: writing a migration to fill in by hand"
    VERBATIM USES_TERMINAL)

  add_library(${ARG_LIBRARY} STATIC "${index}" "${schema_source}")
  target_link_libraries(${ARG_LIBRARY} PUBLIC structmig::runtime)
  target_include_directories(${ARG_LIBRARY} PUBLIC "$<BUILD_INTERFACE:${metadata_dir}>")
  # What includes models.hpp includes the models (a library model target's
  # users get its flags through the PUBLIC link); the migrations the index
  # includes may include the application's headers (hand-written data
  # migrations): compile them as the model target does.
  if(ARG_MODEL_TARGET)
    get_target_property(model_type ${model_target} TYPE)
    if(model_type STREQUAL "EXECUTABLE")
      target_include_directories(${ARG_LIBRARY} PRIVATE
        "$<TARGET_PROPERTY:${model_target},INCLUDE_DIRECTORIES>")
      target_compile_definitions(${ARG_LIBRARY} PRIVATE
        "$<TARGET_PROPERTY:${model_target},COMPILE_DEFINITIONS>")
    else()
      target_link_libraries(${ARG_LIBRARY} PUBLIC ${ARG_MODEL_TARGET})
    endif()
  endif()
  add_dependencies(${ARG_LIBRARY} migrations_autogen)

  if(ARG_CLI)
    get_property(cli_main GLOBAL PROPERTY STRUCTMIG_CLI_MAIN)
    add_executable(${ARG_CLI} "${cli_main}")
    target_link_libraries(${ARG_CLI} PRIVATE ${ARG_LIBRARY} structmig::cli)
    target_compile_definitions(${ARG_CLI} PRIVATE STRUCTMIG_HAS_COMPILED_SCHEMA)
  endif()
endfunction()
