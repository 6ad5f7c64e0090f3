// CLPL for Teams: everything one deployment needs, in one resource group.
//   - a Linux App Service plan + web app running the Node 22 server (run from the deployed package)
//   - a user-assigned managed identity (the bot's identity when botAppType is UserAssignedMSI)
//   - the Azure Bot resource with the Teams channel (module botRegistration/azurebot.bicep)
//   - Azure Database for PostgreSQL Flexible Server with the database `clpl`
// The web app's settings are exactly what bot/config.ts reads (see infra/DEPLOY.md for the table).
//
// Why PostgreSQL and not the embedded SQLite file: on App Service the only writable, persistent disk is the /home
// share, a network file system on which SQLite's locking and WAL are not safe, and WEBSITE_RUN_FROM_PACKAGE makes
// the app folder read-only. DATABASE_URL is therefore always set here.
//
// Used by `atk provision` (m365agents.yml, action arm/deploy); the outputs are written to env/.env.<env>.

@minLength(4)
@maxLength(20)
@description('Lower-case letters and digits; names every resource. The web app is <name>.azurewebsites.net.')
param resourceBaseName string

@description('Azure region for everything except the bot registration (global). UK South keeps data in the UK.')
param location string = resourceGroup().location

@description('App Service plan SKU (Linux). B1 is the smallest that supports Always On.')
param webAppSku string = 'B1'

@maxLength(42)
@description('Name of the bot as shown in the Azure portal.')
param botDisplayName string

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
@description('The bot identity: the managed identity created here, or a single-tenant Entra app with a client secret.')
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: client (application) id of the bot\'s Entra app.')
param botAadAppClientId string = ''

@secure()
@description('SingleTenant only: a client secret of the bot\'s Entra app.')
param botAadAppClientSecret string = ''

@description('SingleTenant only: tenant of the bot\'s Entra app (your Microsoft 365 tenant).')
param botAadAppTenantId string = subscription().tenantId

@secure()
@description('PostgreSQL administrator login (used by the app in DATABASE_URL).')
param postgresAdminLogin string

@secure()
@description('PostgreSQL administrator password.')
param postgresAdminPassword string

@allowed([
  '14'
  '15'
  '16'
  '17'
])
param postgresVersion string = '16'

@description('Compute size of the PostgreSQL server. Burstable B1ms is ample for a school or a local authority.')
param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@minValue(32)
param postgresStorageSizeGB int = 32

@minValue(7)
@maxValue(35)
@description('Days of automated backups kept for point-in-time restore.')
param postgresBackupRetentionDays int = 14

@allowed([
  'Disabled'
  'Enabled'
])
@description('Geo-redundant backup copies (to the paired region). Can only be chosen when the server is created.')
param postgresGeoRedundantBackup string = 'Disabled'

@description('CLPL_SLT_IDS: Entra object ids of senior leaders, comma-separated.')
param clplSltIds string = ''

@description('CLPL_TIME_ZONE: time zone offers are entered and shown in.')
param clplTimeZone string = 'Europe/London'

@description('The data controller named in the privacy notice at /privacy: the school or local authority (CLPL_CONTROLLER_NAME).')
param clplControllerName string = ''

@description('How to contact the controller about personal data: an email, https address or telephone number (CLPL_CONTROLLER_CONTACT).')
param clplControllerContact string = ''

@description('The data protection officer\'s contact (CLPL_DPO_CONTACT).')
param clplDpoContact string = ''

@description('Client id of the tab SSO Entra app (for the tab API; not read by this version of the server).')
param tabAadAppClientId string = ''

@description('Tenant of the tab SSO Entra app.')
param tabAadAppTenantId string = ''

@secure()
@description('Client secret of the tab SSO Entra app (On-Behalf-Of for Graph; not read by this version of the server).')
param tabAadAppClientSecret string = ''

var isMsi = botAppType == 'UserAssignedMSI'
var databaseName = 'clpl'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

var botAppId = isMsi ? identity.properties.clientId : botAadAppClientId
var botTenantId = isMsi ? identity.properties.tenantId : botAadAppTenantId

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${resourceBaseName}-pg'
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: postgresStorageSizeGB
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: postgresGeoRedundantBackup
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0–0.0.0.0 is Azure's rule for "allow public access from any Azure service within Azure to this server".
// Only Azure-internal addresses get through; connections still need the password and TLS.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// node-postgres treats sslmode=require as verify-full (and warns); verify-full says so: TLS with the certificate and
// host name checked against Node's built-in CA list, which includes the CAs Azure Database for PostgreSQL uses.
var databaseUrl = 'postgres://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

var appSettings = [
  {
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1' // run from the zip that `atk deploy` uploads (read-only app folder)
  }
  {
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'false' // the package is built before upload (npm run stage:webapp)
  }
  {
    name: 'HOST'
    value: '0.0.0.0' // App Service sets PORT; the server reads it
  }
  {
    name: 'MicrosoftAppId'
    value: botAppId
  }
  {
    name: 'MicrosoftAppType'
    value: isMsi ? 'UserAssignedMsi' : 'SingleTenant' // the server's spelling (the Azure Bot's is UserAssignedMSI)
  }
  {
    name: 'MicrosoftAppTenantId'
    value: botTenantId
  }
  {
    name: 'DATABASE_URL'
    value: databaseUrl
  }
  {
    name: 'CLPL_SLT_IDS'
    value: clplSltIds
  }
  {
    name: 'CLPL_TIME_ZONE'
    value: clplTimeZone
  }
  {
    name: 'CLPL_CONTROLLER_NAME'
    value: clplControllerName
  }
  {
    name: 'CLPL_CONTROLLER_CONTACT'
    value: clplControllerContact
  }
  {
    name: 'CLPL_DPO_CONTACT'
    value: clplDpoContact
  }
  {
    name: 'CLPL_DATA_REGION'
    value: location // the privacy notice says where the data is kept
  }
  {
    name: 'LOG_LEVEL'
    value: 'info'
  }
  {
    // App Service's stop window, SIGTERM to SIGKILL (5 s unless set, at most 120): room for the server's graceful stop
    // (CLPL_SHUTDOWN_GRACE_SECONDS, 20 s by default) to answer requests in flight and finish held work.
    name: 'WEBSITES_CONTAINER_STOP_TIME_LIMIT'
    value: '30'
  }
  {
    name: 'AAD_APP_CLIENT_ID'
    value: tabAadAppClientId
  }
  {
    name: 'AAD_APP_TENANT_ID'
    value: tabAadAppTenantId
  }
  {
    name: 'AAD_APP_CLIENT_SECRET'
    value: tabAadAppClientSecret
  }
]

// The client secret exists only for a SingleTenant bot; a managed identity has none.
var botPasswordSetting = isMsi ? [] : [
  {
    name: 'MicrosoftAppPassword'
    value: botAadAppClientSecret
  }
]

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'npm run start:prod'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Pinged every minute on each instance; an answer outside 200-299 (the database unreachable, or the instance
      // stopping) takes that instance out of the load balancer until it answers 200 again (bot/http/health/routes.ts).
      healthCheckPath: '/healthz'
      appSettings: concat(appSettings, botPasswordSetting)
    }
  }
  dependsOn: [
    database
    allowAzureServices
  ]
}

// Register the web app's /api/messages with the Bot Framework and connect it to Teams.
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    botServiceName: resourceBaseName
    botDisplayName: botDisplayName
    botAppDomain: webApp.properties.defaultHostName
    msaAppType: botAppType
    msaAppId: botAppId
    msaAppTenantId: botTenantId
    msaAppMSIResourceId: isMsi ? identity.id : ''
  }
}

// Written to env/.env.<env> by the toolkit (output names become variable names).
output AZURE_WEB_APP_RESOURCE_ID string = webApp.id
output BOT_ID string = botAppId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output POSTGRES_SERVER_FQDN string = postgres.properties.fullyQualifiedDomainName
output BOT_IDENTITY_CLIENT_ID string = identity.properties.clientId
