# Build time: most of a translation unit's compile time is spent parsing Qt's headers, and a good
# part of a test executable's link time in the default linker. The switches default to what CI uses
# (README.md, Testing, has the measurements).
#
# WORKSPACE_ADMIN_PCH: the targets share precompiled copies of cmake/pch/workspace_pch.h: one for
# every target but the test suites, and one per combination of the Qt modules a suite links, which
# Qt Test's headers look at. GCC accepts a precompiled header where the macros defined when it was
# built are defined alike and the header never looked at the others (-Winvalid-pch, an error under
# -Werror, says when not), so targets with more definitions share one copy; clang rejects one on
# any difference, hence GCC only.
include(CheckLinkerFlag)

# Off by default under ccache: it cannot cache a compile that uses a precompiled header (without
# relaxing its checks), and a cached object is cheaper still.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
    set(workspace_pch_default ON)
else()
    set(workspace_pch_default OFF)
endif()
option(WORKSPACE_ADMIN_PCH "Share a precompiled header of the common Qt headers between targets (GCC)"
    ${workspace_pch_default})

# WORKSPACE_ADMIN_FAST_LINKER: link with lld, or gold, when the compiler accepts it.
option(WORKSPACE_ADMIN_FAST_LINKER "Link with lld (or gold) instead of the default linker" ON)
if(WORKSPACE_ADMIN_FAST_LINKER)
    check_linker_flag(CXX -fuse-ld=lld workspace_has_lld)
    if(workspace_has_lld)
        add_link_options(-fuse-ld=lld)
    else()
        check_linker_flag(CXX -fuse-ld=gold workspace_has_gold)
        if(workspace_has_gold)
            add_link_options(-fuse-ld=gold)
        endif()
    endif()
endif()

# Called by workspace_admin_apply_settings for every target; the header is attached once all
# targets and their links are known (workspace_admin_attach_precompiled_headers).
function(workspace_admin_register_for_pch target)
    set_property(GLOBAL APPEND PROPERTY WORKSPACE_PCH_TARGETS ${target})
endfunction()

# Collects into the variable named by out every target reachable from the given link items whose
# usage requirements (definitions) reach the compile: $<LINK_ONLY:...> items are not followed.
function(_workspace_usage_closure out)
    set(seen "")
    set(pending ${ARGN})
    while(pending)
        list(POP_FRONT pending item)
        if(item MATCHES "^\\$<LINK_ONLY:" OR NOT TARGET "${item}")
            continue()
        endif()
        get_target_property(aliased "${item}" ALIASED_TARGET)
        if(aliased)
            set(item ${aliased})
        endif()
        if(item IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${item})
        get_target_property(interface "${item}" INTERFACE_LINK_LIBRARIES)
        if(interface)
            list(APPEND pending ${interface})
        endif()
    endwhile()
    set(${out} ${seen} PARENT_SCOPE)
endfunction()

# The precompiled header a target shares (the name of the target that builds it) and the Qt modules
# that target links: one for every target but the test suites, and for those one per combination of
# the modules that Qt Test's headers look at.
function(_workspace_pch_flavour target out)
    get_target_property(direct ${target} LINK_LIBRARIES)
    if(NOT direct)
        set(direct "")
    endif()
    _workspace_usage_closure(closure ${direct})
    set(name workspace_pch)
    set(modules Qt6::Core)
    if(Qt6::Test IN_LIST closure)
        set(name workspace_pch_test)
        set(modules Qt6::Core Qt6::Test)
        foreach(module Network Gui Widgets)
            if(Qt6::${module} IN_LIST closure)
                string(TOLOWER ${module} lower)
                string(APPEND name _${lower})
                list(APPEND modules Qt6::${module})
            endif()
        endforeach()
    endif()
    set(${out} ${name} PARENT_SCOPE)
    set(${out}_modules ${modules} PARENT_SCOPE)
endfunction()

function(workspace_admin_attach_precompiled_headers)
    if(NOT WORKSPACE_ADMIN_PCH)
        return()
    endif()
    get_property(targets GLOBAL PROPERTY WORKSPACE_PCH_TARGETS)
    set(flavours "")
    foreach(target IN LISTS targets)
        get_target_property(disabled ${target} DISABLE_PRECOMPILE_HEADERS)
        get_target_property(own ${target} PRECOMPILE_HEADERS)
        if(NOT disabled AND NOT own)
            _workspace_pch_flavour(${target} flavour)
            list(APPEND flavours ${flavour})
            set(users_of_${flavour} ${users_of_${flavour}} ${target})
            set(modules_of_${flavour} ${flavour_modules})
        endif()
    endforeach()
    list(REMOVE_DUPLICATES flavours)
    foreach(flavour IN LISTS flavours)
        list(LENGTH users_of_${flavour} users)
        # Building a header costs about as much as compiling three of its users.
        if(users LESS 3)
            continue()
        endif()
        # A target of its own, with the flags every target gets, so that the header is built once
        # and independently of any one target's sources.
        set(source ${CMAKE_BINARY_DIR}/${flavour}.cpp)
        file(CONFIGURE OUTPUT ${source} CONTENT "// The precompiled header's own translation unit.\n")
        add_library(${flavour} OBJECT ${source})
        target_link_libraries(${flavour} PRIVATE ${modules_of_${flavour}})
        if(flavour STREQUAL "workspace_pch")
            # Every module's headers, but only the definitions every user has: GCC requires each
            # macro defined when the header was built to be defined alike where it is used.
            foreach(module Network Gui Widgets)
                target_include_directories(${flavour} SYSTEM PRIVATE
                    $<TARGET_PROPERTY:Qt6::${module},INTERFACE_INCLUDE_DIRECTORIES>)
            endforeach()
        endif()
        _workspace_admin_compile_settings(${flavour})
        set_target_properties(${flavour} PROPERTIES AUTOMOC OFF AUTORCC OFF AUTOUIC OFF)
        target_precompile_headers(${flavour} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/pch/workspace_pch.h)
        foreach(target IN LISTS users_of_${flavour} ITEMS ${flavour})
            # Qt Test defines QT_TESTCASE_BUILDDIR and QT_TESTCASE_SOURCEDIR per folder, and
            # qtestcase.h looks at them, which would give every test folder a header of its own.
            # The suites find their data through WORKSPACE_TEST_DATA_DIR, never QFINDTESTDATA.
            target_compile_options(${target} PRIVATE -UQT_TESTCASE_BUILDDIR -UQT_TESTCASE_SOURCEDIR)
        endforeach()
        foreach(target IN LISTS users_of_${flavour})
            target_precompile_headers(${target} REUSE_FROM ${flavour})
        endforeach()
    endforeach()
endfunction()
