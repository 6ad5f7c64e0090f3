// The Azure Bot resource: registers the web app's /api/messages endpoint with the Bot Framework under the bot's
// identity, and connects it to Microsoft Teams. Multi-tenant registrations can no longer be created, so the identity
// is either a user-assigned managed identity (UserAssignedMSI) or a single-tenant Entra app (SingleTenant).

@maxLength(64)
@minLength(2)
@description('Name of the Azure Bot resource (its bot handle, unique across Azure).')
param botServiceName string

@maxLength(42)
param botDisplayName string

@allowed([
  'F0'
  'S1'
])
@description('F0 is free; Teams is a standard channel, so its messages are not metered either way.')
param botServiceSku string = 'F0'

@description('Host name of the web app that serves /api/messages.')
param botAppDomain string

@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param msaAppType string

@description('Client id of the bot identity: the managed identity\'s client id, or the Entra app\'s.')
param msaAppId string

@description('Tenant of the bot identity.')
param msaAppTenantId string

@description('Resource id of the user-assigned managed identity (UserAssignedMSI only).')
param msaAppMSIResourceId string = ''

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: msaAppId
    msaAppTenantId: msaAppTenantId
    msaAppType: msaAppType
    msaAppMSIResourceId: msaAppType == 'UserAssignedMSI' ? msaAppMSIResourceId : null
  }
}

// Connect the bot to Microsoft Teams.
resource msTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output botServiceId string = botService.id
output messagingEndpoint string = botService.properties.endpoint
