#pragma once

#include "apicall.h"
#include "iamprojects.h"

// IAM calls go through an ApiClient whose endpoint is the region's IAM endpoint and whose project
// id is empty: they are signed with the same AK/SK scheme, without X-Project-Id or X-Domain-Id.

// GET /v3/projects?name={region} (KeystoneListProjects): the projects of that name. IAM users
// without the listProjects permission get 403 here.
class ListProjectsByNameCall : public ApiCallOf<IamProjectList>
{
    Q_OBJECT
public:
    ListProjectsByNameCall(ApiClient *client, QString name, QObject *parent = nullptr);

protected:
    QUrl url() const override;
    ApiError validate() const override;
    Parser parser() const override;

private:
    QString m_name;
};

// GET /v3/auth/projects (KeystoneListAuthProjects): every project the caller may access; needs no
// permission.
class ListAuthProjectsCall : public ApiCallOf<IamProjectList>
{
    Q_OBJECT
public:
    explicit ListAuthProjectsCall(ApiClient *client, QObject *parent = nullptr);

protected:
    QUrl url() const override;
    Parser parser() const override;
};
